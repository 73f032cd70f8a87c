//! Unit tests of the sentence rules, one per class of failure.

use super::*;

fn split(text: &str) -> Vec<&str> {
    split_sentences(text, &[])
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn plain_sentences() {
    assert_eq!(
        split("One two. Three four! Five?"),
        ["One two.", "Three four!", "Five?"]
    );
}

#[test]
fn dates_titles_acronyms_and_initials_hold() {
    let t = "It separated on Feb. 16, 2001. Mr. Medvedev met J. K. Rowling in the U.S. yesterday.";
    assert_eq!(
        split(t),
        [
            "It separated on Feb. 16, 2001.",
            "Mr. Medvedev met J. K. Rowling in the U.S. yesterday."
        ]
    );
}

#[test]
fn acronym_then_sentence_starter_splits() {
    assert_eq!(
        split("They met in the U.S. The talks failed."),
        ["They met in the U.S.", "The talks failed."]
    );
}

#[test]
fn decimals_and_hyphens_hold() {
    assert_eq!(
        split("It grew 3.5 percent in U.S.-Russian trade."),
        ["It grew 3.5 percent in U.S.-Russian trade."]
    );
}

#[test]
fn german_ordinal_dates_hold() {
    assert_eq!(
        split("Er kam am 16. Februar an. Dann ging er."),
        ["Er kam am 16. Februar an.", "Dann ging er."]
    );
}

#[test]
fn quote_with_attribution_stays_one_sentence() {
    assert_eq!(
        split("\"Get off, you moron!\" Rogozin said in a Tweet. Then he left."),
        [
            "\"Get off, you moron!\" Rogozin said in a Tweet.",
            "Then he left."
        ]
    );
}

#[test]
fn protected_ranges_are_not_split() {
    let t = "He said \"Go. Now.\" Then left.";
    let open = t.find('"').unwrap_or(0);
    let close = t.rfind('"').map_or(0, |p| p + 1);
    assert_eq!(
        split_sentences(
            t,
            &[Range {
                start: open,
                end: close
            }]
        )
        .into_iter()
        .map(|r| &t[r])
        .collect::<Vec<_>>(),
        ["He said \"Go. Now.\"", "Then left."]
    );
}

#[test]
fn cyrillic_and_cjk() {
    assert_eq!(
        split("Привет, мир. Как дела?"),
        ["Привет, мир.", "Как дела?"]
    );
    assert_eq!(split("我们走吧。他来了！"), ["我们走吧。", "他来了！"]);
    assert_eq!(
        split("В 2001 г. он улетел. Потом вернулся."),
        ["В 2001 г. он улетел.", "Потом вернулся."]
    );
}

#[test]
fn lowercase_after_period_does_not_split() {
    assert_eq!(
        split("See fig. five and so on... and more."),
        ["See fig. five and so on... and more."]
    );
}
#[test]
fn an_abbreviation_that_may_end_a_sentence_ends_one_before_an_opener() {
    assert_eq!(
        split("They closed the deal with Pitt, Briggs & Co. It closed yesterday."),
        [
            "They closed the deal with Pitt, Briggs & Co.",
            "It closed yesterday."
        ]
    );
    assert_eq!(
        split("They closed the deal with Pitt, Briggs & Co. at noon."),
        ["They closed the deal with Pitt, Briggs & Co. at noon."]
    );
    assert_eq!(
        split("The GmbH & Co. KG is a partnership."),
        ["The GmbH & Co. KG is a partnership."]
    );
}

#[test]
fn a_short_fronted_phrase_ending_in_an_abbreviation_is_no_sentence() {
    assert_eq!(
        split("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went home."),
        [
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went home."
        ]
    );
}

#[test]
fn spaced_abbreviations_and_abbreviations_before_numbers_hold() {
    assert_eq!(
        split("Es gibt z. B. Wasser u. Ä. für alle. Er ist no. 5 und zahlt Rs. 3520."),
        [
            "Es gibt z. B. Wasser u. Ä. für alle.",
            "Er ist no. 5 und zahlt Rs. 3520."
        ]
    );
    assert_eq!(
        split("la constitución de los EE. UU. Gracias."),
        ["la constitución de los EE. UU.", "Gracias."]
    );
}

#[test]
fn the_pronoun_i_ends_a_sentence_but_an_initial_does_not() {
    assert_eq!(
        split("We make a good team, you and I. Did you see Albert I. Jones yesterday?"),
        [
            "We make a good team, you and I.",
            "Did you see Albert I. Jones yesterday?"
        ]
    );
}

#[test]
fn spaced_ellipses_end_a_sentence_only_with_a_fourth_dot() {
    assert_eq!(
        split("the thing is . . . I didn't mean it. End with a period . . . . Next one."),
        [
            "the thing is . . . I didn't mean it.",
            "End with a period . . . .",
            "Next one."
        ]
    );
    assert_eq!(
        split("into compounds. . . . The practice was not abandoned. . . ."),
        [
            "into compounds.",
            ". . . The practice was not abandoned. . . ."
        ]
    );
}

#[test]
fn citation_marks_and_footnotes_stay_with_their_sentence() {
    assert_eq!(
        split("He is a martyr.[1] The emperor left. It is a gap in a consultation.11 12 Take it."),
        [
            "He is a martyr.[1]",
            "The emperor left.",
            "It is a gap in a consultation.11 12",
            "Take it."
        ]
    );
}

#[test]
fn a_citation_after_the_space_stays_with_the_sentence_it_follows() {
    assert_eq!(
        split("It is the focus of much research. [1 - 3] Sociologists explored it. [4]"),
        [
            "It is the focus of much research. [1 - 3]",
            "Sociologists explored it. [4]"
        ]
    );
}

#[test]
fn a_missing_space_still_ends_a_sentence_but_not_in_an_address() {
    assert_eq!(
        split("Hello world.Today is Tuesday. Visit www.testurl.Awesome.com now."),
        [
            "Hello world.",
            "Today is Tuesday.",
            "Visit www.testurl.Awesome.com now."
        ]
    );
}

#[test]
fn list_items_are_sentences_and_their_markers_end_nothing() {
    assert_eq!(
        split("1.) The first item 2.) The second item"),
        ["1.) The first item", "2.) The second item"]
    );
    assert_eq!(
        split("1. This is a list item."),
        ["1. This is a list item."]
    );
}

#[test]
fn brackets_and_dashes_keep_a_sentence_whole() {
    assert_eq!(
        split("Le parti (ad es. RAM, CPU) sono HW. Mix it, and -- voila! -- you have cake."),
        [
            "Le parti (ad es. RAM, CPU) sono HW.",
            "Mix it, and -- voila! -- you have cake."
        ]
    );
}

#[test]
fn german_ordinals_after_articles_hold() {
    assert_eq!(
        split("Im 19. Jahrhundert wuchs die Stadt. Sie steht auf Seite 12. Dort lesen Sie."),
        [
            "Im 19. Jahrhundert wuchs die Stadt.",
            "Sie steht auf Seite 12.",
            "Dort lesen Sie."
        ]
    );
}

/// The ordinal words are looked up whatever the text's language, so none of them may be a word
/// that stands before a number closing a sentence elsewhere: Danish `de` is the Romance `de`.
#[test]
fn a_number_after_a_romance_de_ends_its_sentence() {
    assert_eq!(
        split("A lei ocorreu no final da década de 60. Nihon Keizai destaca o partido."),
        [
            "A lei ocorreu no final da década de 60.",
            "Nihon Keizai destaca o partido."
        ]
    );
}

#[test]
fn interrupted_speech_ends_at_its_closing_quote() {
    assert_eq!(
        split("\"we're doing our best, to--\" At this moment, Five called out."),
        [
            "\"we're doing our best, to--\"",
            "At this moment, Five called out."
        ]
    );
}

#[test]
fn full_width_stops_end_sentences_without_spaces() {
    assert_eq!(
        split("Test strange period．Does it segment correctly．"),
        ["Test strange period．", "Does it segment correctly．"]
    );
}

#[test]
fn a_dotted_abbreviation_keeps_its_case() {
    // "D.C." is the District of Columbia, not the Spanish "d.C." (después de Cristo) that may end
    // a sentence: a capitalised word that opens no sentence continues it
    assert_eq!(
        split("He served at the D.C. Circuit level for years. Then he left."),
        [
            "He served at the D.C. Circuit level for years.",
            "Then he left."
        ]
    );
    assert_eq!(
        split("Murió en el año 79 d.C. Luego vino la paz."),
        ["Murió en el año 79 d.C.", "Luego vino la paz."]
    );
}

#[test]
fn versus_in_a_case_name_is_no_sentence_end() {
    assert_eq!(
        split("The Court ruled in Hamdan v. Rumsfeld on Thursday. It was a 5-3 decision."),
        [
            "The Court ruled in Hamdan v. Rumsfeld on Thursday.",
            "It was a 5-3 decision."
        ]
    );
}

#[test]
fn an_emoticon_closes_the_sentence_it_follows() {
    assert_eq!(
        split("Danke Rosemarie! :-) Dann habe ich die Rechnung verlangt."),
        [
            "Danke Rosemarie! :-)",
            "Dann habe ich die Rechnung verlangt."
        ]
    );
    assert_eq!(
        split("Also alles bestens, wie immer :) Wir kommen wieder."),
        ["Also alles bestens, wie immer :)", "Wir kommen wieder."]
    );
    // one inside a sentence, before a lowercase word, ends nothing
    assert_eq!(
        split("It was great :) and we stayed."),
        ["It was great :) and we stayed."]
    );
}

#[test]
fn a_dotted_abbreviation_that_introduces_something_ends_nothing() {
    // "p.ej." (por ejemplo), "v.a." (vor allem): what follows them is part of the sentence,
    // a sentence opener such as "El" or "Die" that starts a name included
    assert_eq!(
        split("Hay museos grandes en Madrid, p.ej. El Prado o el Reina Sofía. Luego hay otros."),
        [
            "Hay museos grandes en Madrid, p.ej. El Prado o el Reina Sofía.",
            "Luego hay otros."
        ]
    );
    assert_eq!(
        split("Dagegen stimmten im Landtag v.a. Die Linke und die Grünen. Dann kam die Pause."),
        [
            "Dagegen stimmten im Landtag v.a. Die Linke und die Grünen.",
            "Dann kam die Pause."
        ]
    );
}

#[test]
fn a_dotted_abbreviation_that_closes_a_phrase_may_end_the_sentence() {
    // "q.b." (quanto baste) closes what it measures; a long sentence ends with it
    assert_eq!(
        split("Leve ao lume com sal e pimenta q.b. Gosto de levar a sério o meu papel."),
        [
            "Leve ao lume com sal e pimenta q.b.",
            "Gosto de levar a sério o meu papel."
        ]
    );
}

#[test]
fn a_semicolon_before_a_sentence_opener_ends_a_sentence() {
    assert_eq!(
        split("La pena è stata sospesa; Ma già si parla di epurazioni."),
        ["La pena è stata sospesa;", "Ma già si parla di epurazioni."]
    );
    // a name's article, a one-letter word and a lowercase word continue it
    assert_eq!(
        split("We flew to Europe; The Hague was first. I love life too much; I'm too physical."),
        [
            "We flew to Europe; The Hague was first.",
            "I love life too much; I'm too physical."
        ]
    );
}

#[test]
fn a_smiley_of_closing_parentheses_ends_a_sentence() {
    assert_eq!(
        split("Я таке передбачала)))) питала у військових, що буде."),
        ["Я таке передбачала))))", "питала у військових, що буде."]
    );
    // one parenthesis whose opener was cut off, and list markers, end nothing
    assert_eq!(
        split("Französisch Guyana. Prose) und auch Synthie-Sounds. a) one b) two"),
        [
            "Französisch Guyana.",
            "Prose) und auch Synthie-Sounds.",
            "a) one",
            "b) two"
        ]
    );
}

#[test]
fn a_dialogue_dash_after_a_terminal_mark_opens_a_sentence() {
    assert_eq!(
        split("Ще бъда най-нещастният. - дрезгаво каза той. А вие полізете? - казали ми."),
        [
            "Ще бъда най-нещастният.",
            "- дрезгаво каза той.",
            "А вие полізете?",
            "- казали ми."
        ]
    );
    // after an abbreviation that does not end the sentence, the dash separates parts of it
    assert_eq!(
        split("Piso 10, Bogotá, D.C. - Colombia"),
        ["Piso 10, Bogotá, D.C. - Colombia"]
    );
}

#[test]
fn a_verb_of_saying_after_a_new_quotation_attributes_that_one() {
    assert_eq!(
        split(r#""Can you tell me why?" "Well," says the boy, "because it would.""#),
        [
            r#""Can you tell me why?""#,
            r#""Well," says the boy, "because it would.""#
        ]
    );
}

#[test]
fn a_spaced_quote_that_closes_a_quotation_stays_with_its_sentence() {
    assert_eq!(
        split(r#"Il a dit : " Venez demain. " Elle est partie. Il écrit « Non. » Puis rien."#),
        [
            r#"Il a dit : " Venez demain. ""#,
            "Elle est partie.",
            "Il écrit « Non. »",
            "Puis rien."
        ]
    );
}

#[test]
fn a_sentence_opened_in_lowercase_after_a_plain_word_is_a_sentence() {
    assert_eq!(
        split("L'operazione è considerata già conclusa. i serbi abbandonano la Krajina."),
        [
            "L'operazione è considerata già conclusa.",
            "i serbi abbandonano la Krajina."
        ]
    );
    assert_eq!(
        split("Si chiama lana di concia. è rivestita di squame."),
        ["Si chiama lana di concia.", "è rivestita di squame."]
    );
    // after an abbreviation, or after a short word before a word that opens no sentence, it
    // goes on: the short word may be cut short ("bałt." for "bałtycki")
    assert_eq!(
        split(
            "Were Jane and co. at the party? Sie kam bzw. ein Freund. To słowo bałt. jest skrótem."
        ),
        [
            "Were Jane and co. at the party?",
            "Sie kam bzw. ein Freund.",
            "To słowo bałt. jest skrótem."
        ]
    );
    // after a whole word of five letters or more, any lowercase word opens a sentence
    assert_eq!(
        split("Bester Kaffee im Veedel sowieso. biene maja tanzt. It was great. really."),
        [
            "Bester Kaffee im Veedel sowieso.",
            "biene maja tanzt.",
            "It was great.",
            "really."
        ]
    );
}

#[test]
fn abbreviations_of_the_slavic_tables_hold_and_initials_stay_initials() {
    assert_eq!(
        split("Sprzedaż wzrosła o 0,8 proc. do poziomu 132,5 tys. egzemplarzy."),
        ["Sprzedaż wzrosła o 0,8 proc. do poziomu 132,5 tys. egzemplarzy."]
    );
    assert_eq!(
        split("Суд відбувся у 14 грудня 2016 року в м. Гаазі, яка набирає чинності."),
        ["Суд відбувся у 14 грудня 2016 року в м. Гаазі, яка набирає чинності."]
    );
    // amounts in millions and currencies end sentences
    assert_eq!(
        split("Дохід склав 87,2 млрд грн. У повідомленні наголошено це."),
        [
            "Дохід склав 87,2 млрд грн.",
            "У повідомленні наголошено це."
        ]
    );
    // "в." is a century that may end a sentence; "В." is an initial
    assert_eq!(
        split(
            "Это было в конце 19 в. Катаюсь я давно. Автор Трубчанінов С. В. Історична географія."
        ),
        [
            "Это было в конце 19 в.",
            "Катаюсь я давно.",
            "Автор Трубчанінов С. В. Історична географія."
        ]
    );
    // another mark after the period ends the sentence; no space is needed after a known
    // abbreviation
    assert_eq!(
        split("Цена е 100 лева на кв. м.! Човек трябва да се отказва. У бібліотеці ім.Стефаника."),
        [
            "Цена е 100 лева на кв. м.!",
            "Човек трябва да се отказва.",
            "У бібліотеці ім.Стефаника."
        ]
    );
}

#[test]
fn a_greeting_or_sign_off_of_a_letter_is_a_sentence_of_its_own() {
    assert_eq!(
        split("Hi Vince, Your suggestion is good. Would this be fine? Thanks, Martin"),
        [
            "Hi Vince,",
            "Your suggestion is good.",
            "Would this be fine?",
            "Thanks,",
            "Martin"
        ]
    );
    assert_eq!(
        split("Wir kommen morgen. Viele Grüße, Anna"),
        ["Wir kommen morgen.", "Viele Grüße,", "Anna"]
    );
    assert_eq!(
        split("See you then. Best regards, Al Arfsten 713 965 2158"),
        ["See you then.", "Best regards,", "Al Arfsten 713 965 2158"]
    );
    // a bare greeting, a sign-off word said to someone, and one that opens a sentence stay in
    // their sentence
    assert_eq!(
        split(
            "Hello, I am Tom. Thanks, Paul. Busy as usual? Best, Worst and Average cases differ."
        ),
        [
            "Hello, I am Tom.",
            "Thanks, Paul.",
            "Busy as usual?",
            "Best, Worst and Average cases differ."
        ]
    );
    assert_eq!(split("Hey guys, I am back."), ["Hey guys,", "I am back."]);
    // the same words inside a sentence, before a lowercase word, or as an adjective before a
    // lowercase word ("droga" is a road, too) end nothing
    assert_eq!(
        split("We said thanks, Martin agreed. Hi Anna, how are you?"),
        ["We said thanks, Martin agreed.", "Hi Anna, how are you?"]
    );
    assert_eq!(
        split("Droga do Krakowa, Warszawy i Gdańska jest długa."),
        ["Droga do Krakowa, Warszawy i Gdańska jest długa."]
    );
}

#[test]
fn a_question_mark_before_a_lowercase_word_ends_an_informal_question() {
    assert_eq!(
        split("Is there a streaming link for Red FM 93.5 delhi ? any format url ?"),
        [
            "Is there a streaming link for Red FM 93.5 delhi ?",
            "any format url ?"
        ]
    );
    assert_eq!(
        split("why will i pay customs if it is a gift...?? i always thought there was none."),
        [
            "why will i pay customs if it is a gift...??",
            "i always thought there was none."
        ]
    );
    // before a dash, after a digit (a lost currency sign) or as an exclamation it goes on
    assert_eq!(
        split(
            "Some can be -- if I may say so? -- a bit odd. Cuesta 300? al mes. At Yahoo! in sales."
        ),
        [
            "Some can be -- if I may say so? -- a bit odd.",
            "Cuesta 300? al mes.",
            "At Yahoo! in sales."
        ]
    );
}

#[test]
fn a_web_address_after_a_sentence_end_opens_a_sentence() {
    assert_eq!(
        split("Do yourself a favor and give them a call. http://www.example.com?p=ya See e.g. http://x.org too."),
        [
            "Do yourself a favor and give them a call.",
            "http://www.example.com?p=ya See e.g. http://x.org too."
        ]
    );
}

#[test]
fn a_sentence_opener_after_a_closed_quotation_opens_a_sentence_though_a_verb_of_saying_follows() {
    assert_eq!(
        split("\"How surprised he'll be!\" As she said this, she came upon a house. \"Get off!\" Rogozin said."),
        [
            "\"How surprised he'll be!\"",
            "As she said this, she came upon a house.",
            "\"Get off!\" Rogozin said."
        ]
    );
}

/// A writer who never capitalises (no capital in the text, or `i'm` in lowercase) still ends
/// sentences with periods and exclamation marks: a short word before the period (`oh.`,
/// `bad.`) ends one there too. Abbreviations, and text that does capitalise, keep the old rule.
#[test]
fn text_written_without_capitals_ends_sentences_before_lowercase_words() {
    assert_eq!(
        split("oh. my bad. i must have mixed you up with someone else."),
        vec![
            "oh.",
            "my bad.",
            "i must have mixed you up with someone else."
        ]
    );
    assert_eq!(
        split("its cheap and its good! prime ribs is pricey. i'm going back anyway."),
        vec![
            "its cheap and its good!",
            "prime ribs is pricey.",
            "i'm going back anyway."
        ]
    );
    assert_eq!(
        split("see e.g. the docs. then ask."),
        vec!["see e.g. the docs.", "then ask."]
    );
    // a writer who capitalises: a lowercase word after a short word's period continues
    assert_eq!(
        split("He bought a cd. and a book. Then he left."),
        vec!["He bought a cd. and a book.", "Then he left."]
    );
    assert_eq!(
        split("Yahoo! in the accounting department."),
        vec!["Yahoo! in the accounting department."]
    );
}
