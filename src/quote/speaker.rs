//! The speaker of a quote: the named person next to a verb of saying in its attribution.

use crate::segment::is_speech_verb;

/// Remembers the last named speaker, to resolve pronouns ("he wrote").
#[derive(Debug, Clone, Default)]
pub struct NameTracker {
    last: Option<String>,
}

impl NameTracker {
    /// Records the last named person.
    pub fn set_last(&mut self, name: &str) {
        self.last = Some(name.to_string());
    }

    /// The last named person, if any.
    pub fn last(&self) -> Option<&str> {
        self.last.as_deref()
    }
}

/// Pronouns that stand for a person and resolve to the last named one.
const PRONOUNS: &[&str] = &["he", "she", "they", "он", "она", "él", "ella"];

/// Capitalised words that start sentences or clauses but are not names.
const NOT_NAMES: &[&str] = &[
    "The", "But", "And", "In", "On", "At", "As", "It", "This", "That", "A", "An", "When", "Then",
    "He", "She", "They", "We", "I", "Later", "Earlier", "Also", "However",
];

/// Titles kept in front of a name ("Mr. Medvedev").
fn is_title(w: &str) -> bool {
    matches!(w, "Mr." | "Mrs." | "Ms." | "Dr." | "Sen." | "Gov." | "Rep.")
}

/// True for a word that can be part of a name: capitalised, not a function word.
fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !NOT_NAMES.contains(&w)
        && w.chars().any(char::is_alphabetic)
}

/// Strips surrounding punctuation but keeps a title's final period and inner apostrophes.
fn clean(w: &str) -> &str {
    if is_title(w) {
        return w;
    }
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The name next to a verb of saying in an attribution ("Kelly said", "said Kathy Lueders",
/// "NASA said in a statement"); a pronoun subject resolves to the last named person. Long runs of
/// capitalised words ("Roscosmos Director General Dmitry Rogozin") keep their last two.
pub fn speaker_in(text: &str, names: &NameTracker) -> Option<String> {
    let raw: Vec<&str> = text.split_whitespace().collect();
    for (v, w) in raw.iter().enumerate() {
        if !is_speech_verb(clean(w)) {
            continue;
        }
        // Before the verb: the capitalised run that ends there (an -ly adverb may sit between).
        let mut end = v;
        let adverb = |p: &&str| {
            let c = clean(p);
            c.ends_with("ly") && c.chars().next().is_some_and(char::is_lowercase)
        };
        if end > 0 && raw.get(end - 1).is_some_and(adverb) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 {
            let prev = raw.get(start - 1).copied().unwrap_or("");
            let ends_clause = prev.ends_with(',') || prev.ends_with('.') && !is_title(prev);
            if is_name_word(clean(prev)) && (start == end || !ends_clause) {
                start -= 1;
            } else {
                break;
            }
        }
        if start < end {
            return Some(join_name(raw.get(start..end).unwrap_or(&[])));
        }
        if let Some(p) = end.checked_sub(1).and_then(|i| raw.get(i)) {
            if PRONOUNS.contains(&clean(p).to_lowercase().as_str()) {
                if let Some(n) = names.last() {
                    return Some(n.to_string());
                }
            }
        }
        // After the verb: "said Kathy Lueders, NASA's …".
        let after: Vec<&str> = raw
            .iter()
            .skip(v + 1)
            .take_while(|w| is_name_word(clean(w)))
            .copied()
            .collect();
        if let Some(first) = after.first() {
            let mut run = vec![*first];
            for w in after.iter().skip(1) {
                if run.last().is_some_and(|p| p.ends_with(',')) {
                    break;
                }
                run.push(w);
            }
            return Some(join_name(&run));
        }
    }
    None
}

/// Joins name words, cleaned, keeping at most the last two of a long run (titles excepted).
fn join_name(words: &[&str]) -> String {
    let cleaned: Vec<&str> = words.iter().map(|w| clean(w)).collect();
    let keep = if cleaned.len() > 3 {
        cleaned.get(cleaned.len() - 2..).unwrap_or(&cleaned)
    } else {
        &cleaned
    };
    keep.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_before_and_after_the_verb() {
        let n = NameTracker::default();
        assert_eq!(speaker_in("Kelly said.", &n).as_deref(), Some("Kelly"));
        assert_eq!(
            speaker_in("said Kathy Lueders, NASA's associate administrator.", &n).as_deref(),
            Some("Kathy Lueders")
        );
        assert_eq!(
            speaker_in("Rogozin said in a quickly deleted Tweet.", &n).as_deref(),
            Some("Rogozin")
        );
        assert_eq!(
            speaker_in("NASA said in a statement Tuesday that it", &n).as_deref(),
            Some("NASA")
        );
        assert_eq!(
            speaker_in("Roscosmos Director General Dmitry Rogozin wrote.", &n).as_deref(),
            Some("Dmitry Rogozin")
        );
        assert_eq!(speaker_in("the statement reads.", &n), None);
        assert_eq!(
            speaker_in("Kelly replied in Russian.", &n).as_deref(),
            Some("Kelly")
        );
        assert_eq!(
            speaker_in("Kelly quickly replied.", &n).as_deref(),
            Some("Kelly")
        );
    }

    #[test]
    fn pronouns_resolve_to_the_last_name() {
        let mut n = NameTracker::default();
        assert_eq!(speaker_in("he said.", &n), None);
        n.set_last("Scott Kelly");
        assert_eq!(speaker_in("he said.", &n).as_deref(), Some("Scott Kelly"));
    }
}
