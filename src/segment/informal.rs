//! Sentence ends that informal and dialogue text writes without the usual marks: a semicolon
//! before a word that opens sentences, a smiley of closing parentheses without eyes, a dialogue
//! dash after a terminal mark, and a straight quote that closes the sentence after a space.

use super::sentences::leading_word;
use super::tables::{is_addressee, is_greeting, is_sentence_starter, is_sign_off};

/// Capitalised words a greeting may take after its opening phrase before the comma (`Dear Mr
/// John Smith,`).
const MAX_WORDS_AFTER_GREETING: usize = 3;

/// A comma that closes a greeting with its addressee or a sign-off standing alone at the start
/// of a sentence (`Hi Vince, Your suggestion…`, `Hey guys, I…`, `…be fine? Thanks, Martin`, `Best
/// regards, Al Arfsten`), before a capitalised word: where the line breaks of a letter or post
/// are lost, the greeting and the sign-off stay sentences of their own. The addressee is a name
/// (capitalised words) or an addressee word, since many greetings are also adjectives (`Droga do
/// Krakowa, Warszawy…` is a road). A bare greeting (`Hello, I am Tom.`) and a sign-off word
/// addressed to someone (`Thanks, Tom.`) stay inside their sentence. `start` is
/// where the current sentence starts. The end.
pub(super) fn salutation_end(text: &str, start: usize, i: usize) -> Option<usize> {
    if !text[i..].starts_with(',') {
        return None;
    }
    let rest = &text[i + 1..];
    let capital_follows =
        rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with(char::is_uppercase);
    if !capital_follows {
        return None;
    }
    let head = text.get(start..i)?.trim();
    // the longest phrase has two words; a longer sentence is no salutation (checked before
    // lowercasing, so that a long sentence's commas cost nothing)
    let most = 2 + MAX_WORDS_AFTER_GREETING;
    if head.is_empty() || head.split_whitespace().nth(most).is_some() {
        return None;
    }
    let written: Vec<&str> = head.split_whitespace().collect();
    let lower = head.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let phrase = |n: usize| words[..n].join(" ");
    let sign_off = is_sign_off(&phrase(words.len())) && signature_follows(rest);
    let greeting = (1..words.len().min(3)).any(|n| {
        let after = &written[n..];
        let named = after.len() <= MAX_WORDS_AFTER_GREETING
            && after.iter().all(|w| w.starts_with(char::is_uppercase));
        let addressed = words.len() == n + 1 && is_addressee(words[n]);
        is_greeting(&phrase(n)) && (named || addressed)
    });
    (sign_off || greeting).then_some(i + 1)
}

/// Capitalised words a signature may hold before other text (`Al Arfsten 713 965 2158`).
const MAX_SIGNATURE_WORDS: usize = 4;

/// Whether `rest` (after a sign-off's comma) starts with a signature: capitalised words that end
/// the text (`, Martin`), run into a number (`, Al Arfsten 713 965 2158`) or are two or more before
/// other text (`, Darrell Darrell Duffie mail…`). One capitalised word before lowercase text is a
/// sentence going on (`Best, Worst and Average cases…`), and capitalised words before the
/// sentence's terminal mark address someone (`Thanks, Tom.`, `Thanks, Doctor Smith!`).
fn signature_follows(rest: &str) -> bool {
    let mut s = rest.trim_start();
    let mut names = 0;
    while names < MAX_SIGNATURE_WORDS {
        let word = leading_word(s);
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        names += 1;
        s = &s[word.len()..];
        if !s.starts_with(' ') {
            break;
        }
        s = s.trim_start();
    }
    if names == 0 || s.starts_with(['.', '!', '?']) {
        return false;
    }
    s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) || names >= 2
}

/// A semicolon followed by a capitalised word that mostly opens sentences (`…amministrativo; La
/// norma prevede…`, `…arrivi; Ma già…`): writers who glue two sentences this way start the second
/// one as a sentence. Before a name (`; La Provincia de Mamoré`, `; The Hague`) or a lowercase
/// word it ends nothing. The end of the cut.
pub(super) fn semicolon_end(text: &str, i: usize) -> Option<usize> {
    if !text[i..].starts_with(';') {
        return None;
    }
    let rest = &text[i + 1..];
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let word = leading_word(rest.trim_start());
    let after = &rest.trim_start()[word.len()..];
    // "The" of "The Hague" is a name's part: a capitalised word follows
    let name_follows = after.starts_with(' ') && after[1..].starts_with(char::is_uppercase);
    // "; I'm too physical": a one-letter word ("I", "A") is as often inside a sentence
    let long = word.chars().count() > 1;
    (long && is_sentence_starter(word) && !name_follows).then_some(i + 1)
}

/// Two or more closing parentheses without an opening one, as smileys (`передбачала))))`,
/// `ага)) бачу`), end the sentence they close when a word follows. One parenthesis is not
/// enough: a text cut out of a longer one loses openers (`Französisch Guyana. Prose) und`), and a
/// list marker (`a)`, `iii)`) is no smiley. `unmatched` tells whether the parenthesis at a byte offset has no opener. The end.
pub(super) fn smiley_end(text: &str, i: usize, unmatched: impl Fn(usize) -> bool) -> Option<usize> {
    if !text[i..].starts_with(')') || !unmatched(i) {
        return None;
    }
    let before = &text[..i];
    if before.ends_with(')') {
        return None; // the run is decided at its first parenthesis
    }
    let run = text[i..].bytes().take_while(|&b| b == b')').count();
    let token = &before[before.rfind(char::is_whitespace).map_or(0, |p| {
        p + before[p..].chars().next().map_or(1, char::len_utf8)
    })..];
    let letters = token
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .count();
    let roman = token.chars().all(|c| "ivxlcdmIVXLCDM".contains(c));
    let word_before = !roman && run >= 2 && letters >= 1;
    let end = i + run;
    let rest = &text[end..];
    let word_follows =
        rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with(char::is_alphabetic);
    (word_before && word_follows).then_some(end)
}

/// A dialogue dash after a sentence's terminal mark (`…най-нещастният. - дрезгаво…`, `…полізуть?
/// - казали…`): a single dash between spaces opens the next turn or its attribution, which is a
/// sentence of its own, whatever its case. A doubled dash (`-- voila! --`) is punctuation.
pub(super) fn dialogue_dash_follows(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let mut chars = after.chars();
    matches!(chars.next(), Some('-' | '–' | '—')) && chars.next().is_some_and(char::is_whitespace)
}

/// Which quotations are open at a point of the text, counted in one pass: straight double quotes
/// alternate, and a `«` stays open until a `»`.
#[derive(Debug, Default)]
pub(super) struct OpenQuotes {
    straight: usize,
    guillemet: bool,
}

impl OpenQuotes {
    /// Counts character `c`, the next one of the text.
    pub(super) fn see(&mut self, c: char) {
        match c {
            '"' => self.straight += 1,
            '«' => self.guillemet = true,
            '»' => self.guillemet = false,
            _ => {}
        }
    }
}

/// A straight double quote or a `»` after the terminal mark and a space, that closes a quotation
/// open at the mark (`…qu'ils nous le fassent savoir. " Elle se remarie`), belongs to the
/// sentence it closes: the length of the space and the quote, 0 when the quote opens the next
/// sentence instead.
pub(super) fn spaced_closing_quote_len(open: &OpenQuotes, rest: &str) -> usize {
    let Some(after) = rest.strip_prefix(' ') else {
        return 0;
    };
    let Some(quote) = after.chars().next() else {
        return 0;
    };
    let closes = match quote {
        '"' => open.straight % 2 == 1,
        '»' => open.guillemet,
        _ => false,
    };
    let tail = &after[quote.len_utf8()..];
    let ends = tail.is_empty() || tail.starts_with(char::is_whitespace);
    if closes && ends {
        1 + quote.len_utf8()
    } else {
        0
    }
}
