//! OCR debris inside merged links: lines with no word and no number (`h * "`, `.:-- , .`)
//! have no translation. The search merges them into a neighbour's link when they sit inside a
//! sentence cut in two (`l' arête` | `h * "` | `est atteinte`); they are then taken out of the
//! link and left unaligned, and the link keeps the sentences around them.

use crate::doc::Link;

use super::confidence;

/// True when `text` holds nothing a translation could render: no word of two or more letters,
/// no elided word (`L'`), no number and no bracket (a bracket belongs to the text around it).
pub fn is_debris(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let mut run = 0;
    for (k, &c) in chars.iter().enumerate() {
        if c.is_alphabetic() {
            run += 1;
            let elided = matches!(chars.get(k + 1), Some('\'' | '’'));
            if run >= 2 || elided {
                return false;
            }
        } else {
            run = 0;
            if c.is_numeric() || matches!(c, '(' | ')' | '[' | ']' | '{' | '}') {
                return false;
            }
        }
    }
    true
}

/// Takes debris sentences (see [`is_debris`]) out of the sides of links that hold two or more
/// sentences, keeping at least one sentence on each side; each becomes a link with an empty
/// side, written before the link it left when it preceded the link's other sentences, else
/// after it (debris inside a link leaves its ids no longer consecutive; the other sentences
/// stay in order).
pub fn detach(links: Vec<Link>, src: &[&str], tgt: &[&str]) -> Vec<Link> {
    let mut out = Vec::with_capacity(links.len());
    for mut link in links {
        if link.src.is_empty() || link.tgt.is_empty() {
            out.push(link);
            continue;
        }
        let taken_src = take_out(&mut link.src, src);
        let taken_tgt = take_out(&mut link.tgt, tgt);
        let null = |src: Vec<usize>, tgt: Vec<usize>| Link {
            src,
            tgt,
            score: 0.0,
            confidence: confidence(0.0, true),
        };
        // debris before the link's first kept sentence goes before it, the rest after
        let first_src = link.src.first().copied().unwrap_or(0);
        let first_tgt = link.tgt.first().copied().unwrap_or(0);
        let before = |ids: &[usize], first: usize| ids.partition_point(|&k| k < first);
        let (ks, kt) = (before(&taken_src, first_src), before(&taken_tgt, first_tgt));
        out.extend(taken_src[..ks].iter().map(|&i| null(vec![i], Vec::new())));
        out.extend(taken_tgt[..kt].iter().map(|&j| null(Vec::new(), vec![j])));
        out.push(link);
        out.extend(taken_src[ks..].iter().map(|&i| null(vec![i], Vec::new())));
        out.extend(taken_tgt[kt..].iter().map(|&j| null(Vec::new(), vec![j])));
    }
    out
}

/// Removes the debris sentences of one side of a link when others remain; returns them.
fn take_out(ids: &mut Vec<usize>, texts: &[&str]) -> Vec<usize> {
    if ids.len() < 2 {
        return Vec::new();
    }
    let debris = |i: &usize| texts.get(*i).is_some_and(|t| is_debris(t));
    if ids.iter().all(debris) {
        return Vec::new();
    }
    let taken: Vec<usize> = ids.iter().copied().filter(debris).collect();
    ids.retain(|i| !debris(i));
    taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{align_sentences, AlignOptions};

    #[test]
    fn lines_without_words_are_debris() {
        for line in ["h * \" ", ".:-- , .", "- _-", "f r", "é » ."] {
            assert!(is_debris(line), "{line:?}");
        }
        for line in ["C ) .", "L' E .", "Il pleut .", "1956", "Ja"] {
            assert!(!is_debris(line), "{line:?}");
        }
    }

    #[test]
    fn debris_inside_a_merge_is_left_unaligned() {
        let src = [
            "Die Expedition erreichte 1956 den Gipfel des Berges nach langen Wochen .",
            "Dank den Seilen ging es bis zur Gratscharte sehr flott , doch als sie neu spuren mussten , sanken sie bis zum halben Oberschenkel ein .",
            "Am 20. Juli kehrten alle 12 Teilnehmer gesund nach Skardu zurück .",
        ];
        let tgt = [
            "L' expédition atteignit le sommet de la montagne en 1956 après de longues semaines .",
            "Grâce aux cordes fixes , l' arête",
            "h * \"",
            "est atteinte rapidement , mais dès qu' ils doivent ouvrir une nouvelle trace , ils enfoncent jusqu' à mi-cuisse .",
            "Le 20 juillet , les 12 participants rentrèrent tous en bonne santé à Skardu .",
        ];
        let links = align_sentences(&src, &tgt, &AlignOptions::default());
        let pairs: Vec<(Vec<usize>, Vec<usize>)> =
            links.into_iter().map(|l| (l.src, l.tgt)).collect();
        assert!(pairs.contains(&(vec![1], vec![1, 3])), "{pairs:?}");
        assert!(pairs.contains(&(vec![], vec![2])), "{pairs:?}");
    }

    #[test]
    fn debris_is_written_beside_its_link_in_order() {
        let link = Link {
            src: vec![0],
            tgt: vec![0, 1, 2, 3],
            score: 1.0,
            confidence: 0.9,
        };
        let tgt = ["- -", "Il neige", "* ,", "encore ."];
        let ids: Vec<(Vec<usize>, Vec<usize>)> = detach(vec![link], &["Es schneit noch ."], &tgt)
            .into_iter()
            .map(|l| (l.src, l.tgt))
            .collect();
        assert_eq!(
            ids,
            [(vec![], vec![0]), (vec![0], vec![1, 3]), (vec![], vec![2])]
        );
    }

    #[test]
    fn a_side_of_debris_only_stays() {
        let mut ids = vec![3, 4];
        assert!(take_out(&mut ids, &["", "", "", "- -", "* ,"]).is_empty());
        assert_eq!(ids, [3, 4]);
    }
}
