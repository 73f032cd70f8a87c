//! Gold paragraphs from treebank files in CoNLL-U (Universal Dependencies): the `# text =`
//! sentence comments, grouped by the `# newdoc` and `# newpar` marks, so that a sentence
//! splitter can be scored on paragraphs that people split by hand.
//!
//! A paragraph is rebuilt by joining its sentences with one space
//! ([`crate::eval::sentences::join_sentences`]); `SpaceAfter=No` between two sentences is not
//! honoured (it is rare in the languages talign splits, and a space never creates a boundary
//! that was not there).

/// One unit of a treebank: a document, or a run of sentences where the treebank marks no
/// paragraphs. Units are what a dev / held-out split alternates over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreebankUnit {
    /// 0-based position of the unit in its file.
    pub index: usize,
    /// The unit's paragraphs, each a list of gold sentences.
    pub paragraphs: Vec<Vec<String>>,
}

impl TreebankUnit {
    /// The half a unit belongs to: even units are the dev half, odd units the held-out half.
    pub fn is_dev(&self) -> bool {
        self.index.is_multiple_of(2)
    }
}

/// Builds units while the lines of one file are read.
#[derive(Default)]
struct UnitBuilder {
    units: Vec<TreebankUnit>,
    paragraphs: Vec<Vec<String>>,
    current: Vec<String>,
    /// Whether the current document has a `# newpar` mark.
    has_paragraphs: bool,
}

impl UnitBuilder {
    fn end_paragraph(&mut self) {
        if !self.current.is_empty() {
            self.paragraphs.push(std::mem::take(&mut self.current));
        }
    }

    /// Closes the current document: one unit when it marks its paragraphs, else one unit per
    /// `group` sentences.
    fn end_document(&mut self, group: usize) {
        self.end_paragraph();
        let paragraphs = std::mem::take(&mut self.paragraphs);
        if self.has_paragraphs {
            self.push_unit(paragraphs);
        } else {
            let sentences: Vec<String> = paragraphs.into_iter().flatten().collect();
            for chunk in sentences.chunks(group.max(1)) {
                self.push_unit(vec![chunk.to_vec()]);
            }
        }
        self.has_paragraphs = false;
    }

    fn push_unit(&mut self, paragraphs: Vec<Vec<String>>) {
        if paragraphs.iter().any(|p| !p.is_empty()) {
            let index = self.units.len();
            self.units.push(TreebankUnit { index, paragraphs });
        }
    }
}

/// The units of one CoNLL-U file. `# newdoc` starts a document, `# newpar` and
/// `# annotation_gap` (sentences left out between two kept ones) start a paragraph, and a
/// document without paragraph marks is cut into units of `group` sentences, one paragraph each
/// (treebanks of shuffled single sentences, such as the GSD ones, mark neither).
pub fn read_conllu_units(text: &str, group: usize) -> Vec<TreebankUnit> {
    let mut b = UnitBuilder::default();
    for line in text.lines() {
        let Some(comment) = line.strip_prefix('#') else {
            continue;
        };
        let comment = comment.trim_start();
        if comment.starts_with("newdoc") {
            b.end_document(group);
        } else if comment.starts_with("newpar") || comment.starts_with("annotation_gap") {
            b.end_paragraph();
            b.has_paragraphs = true;
        } else if let Some(sentence) = comment.strip_prefix("text =") {
            let sentence = sentence.trim();
            if !sentence.is_empty() {
                b.current.push(sentence.to_string());
            }
        }
    }
    b.end_document(group);
    b.units
}

/// The language code a treebank file is named for: what comes before the first `_` or `-`
/// (`en_ewt-ud-test.conllu` → `en`).
pub fn treebank_language(file_name: &str) -> &str {
    file_name.split(['_', '-', '.']).next().unwrap_or(file_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(u: &TreebankUnit) -> Vec<Vec<&str>> {
        u.paragraphs
            .iter()
            .map(|p| p.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn documents_and_paragraph_marks_group_the_sentences() {
        let text = "# newdoc id = a\n# newpar id = a-p1\n# sent_id = 1\n# text = One.\n1\tOne\n\n\
                    # text = Two.\n\n# newpar id = a-p2\n# text = Three.\n\n\
                    # newdoc id = b\n# newpar\n# text = Four.\n";
        let units = read_conllu_units(text, 5);
        assert_eq!(units.len(), 2);
        assert_eq!(sentences(&units[0]), [vec!["One.", "Two."], vec!["Three."]]);
        assert_eq!(sentences(&units[1]), [vec!["Four."]]);
        assert!(units[0].is_dev() && !units[1].is_dev());
    }

    #[test]
    fn unmarked_sentences_become_units_of_a_fixed_size() {
        let text: String = (1..=7).map(|i| format!("# text = S{i}.\n\n")).collect();
        let units = read_conllu_units(&text, 3);
        let sizes: Vec<usize> = units.iter().map(|u| u.paragraphs[0].len()).collect();
        assert_eq!(sizes, [3, 3, 1]);
    }

    #[test]
    fn an_annotation_gap_ends_the_paragraph() {
        let text = "# newpar\n# text = A.\n# annotation_gap\n# text = B.\n";
        let units = read_conllu_units(text, 5);
        assert_eq!(sentences(&units[0]), [vec!["A."], vec!["B."]]);
    }

    #[test]
    fn the_language_is_the_file_name_prefix() {
        assert_eq!(treebank_language("en_ewt-ud-test.conllu"), "en");
        assert_eq!(treebank_language("de-ud-test.conllu"), "de");
    }
}
