//! Attribution wordings of the news quote test, per article language. `{n}` is the speaker, `{l}`
//! the source language's name (English articles; the other articles quote English posts and name
//! English in their own words), `{p}` a platform, `{o}` a news outlet.
//!
//! A share of the wordings is held out: each holds a `novel` word (a verb of saying, or a phrase
//! word) that is in none of talign's tables (`data/speech_verbs.tsv`, `data/languages.tsv`,
//! `data/attribution.tsv`), so the figure on them measures generalisation, not recall of the
//! tables. A unit test checks that they stay out.

/// One attribution wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    /// The template.
    pub text: &'static str,
    /// The word no table holds, for held-out wordings.
    pub novel: Option<&'static str>,
}

const fn w(text: &'static str) -> Wording {
    Wording { text, novel: None }
}

const fn held(text: &'static str, novel: &'static str) -> Wording {
    Wording {
        text,
        novel: Some(novel),
    }
}

/// The wordings and conventions of one article language.
#[derive(Debug, Clone, Copy)]
pub struct Wordings {
    /// The article language (ISO 639-1).
    pub lang: &'static str,
    /// After a translated quote, naming the source language (`"Q," {after}`).
    pub after_cued: &'static [Wording],
    /// Before a translated quote, naming the source language, ending with a colon.
    pub before_cued: &'static [Wording],
    /// After a quote, naming a social platform but no language (a cue sentence follows).
    pub after_social: &'static [Wording],
    /// A sentence after the attribution that says the post was in another language.
    pub cue_sentences: &'static [Wording],
    /// After an original quote (no cue).
    pub after_plain: &'static [Wording],
    /// Before an original quote (no cue), ending with a colon.
    pub before_plain: &'static [Wording],
    /// Speakers (each quote of a paragraph has its own).
    pub names: &'static [&'static str],
    /// Platforms for `{p}`.
    pub platforms: &'static [&'static str],
    /// Outlets for `{o}`.
    pub outlets: &'static [&'static str],
    /// Quotation marks (opening, closing).
    pub marks: &'static [(&'static str, &'static str)],
    /// True when an attribution after a quote opens with a dash (`«Q», — said X.`).
    pub dash: bool,
    /// True when punctuation goes outside the closing mark by default (`«Q», said X.`).
    pub outside: bool,
}

/// English articles quoting Russian, Spanish and Ukrainian posts.
pub const EN: Wordings = Wordings {
    lang: "en",
    after_cued: &[
        w("{n} wrote in {l} on {p}."),
        w("{n} said in a {l}-language post on {p}."),
        w("{n} replied in {l}."),
        w("{n} posted in {l} on {p}."),
        w("said {n}, writing in {l}."),
        w("{n} wrote on {p}, in a translation from {l}."),
        w("{n} wrote on {p} (translated from {l})."),
        w("{n} tweeted in {l}."),
        w("{n} said in {l} on {p}."),
        w("{n} added in {l}."),
        w("{n} wrote, according to a translation from {l}."),
        held("{n} fumed in a {l} post on {p}.", "fumed"),
        held("{n} countered in {l} on {p}.", "countered"),
        held("{n} lamented on {p}, writing in {l}.", "lamented"),
        held("{n} vowed in a {l}-language video.", "vowed"),
        held("{n} scoffed in her native {l} on {p}.", "scoffed"),
        held("{n} bristled in a short {l} video on {p}.", "bristled"),
        held("{n} shot back in a {l} {p} post.", "shot"),
    ],
    before_cued: &[
        w("{n} wrote in {l} on {p}:"),
        w("Writing in {l} on {p}, {n} said:"),
        w("In a {l}-language post on {p}, {n} wrote:"),
        w("{n} posted on {p} in {l}:"),
        w("{n} replied in {l}:"),
        w("In a post translated from {l}, {n} wrote:"),
        held("{n} fired back in {l} on {p}:", "fired"),
        held("Taking to {p} in {l}, {n} mused:", "mused"),
        held("{n} lamented in a {l} post:", "lamented"),
        held("In a terse {l} message on {p}, {n} railed:", "railed"),
    ],
    after_social: &[
        w("{n} wrote on {p}."),
        w("{n} posted on {p}."),
        w("{n} said in a post on {p}."),
        w("said {n} on {p}."),
        held("{n} grumbled on {p}.", "grumbled"),
    ],
    cue_sentences: &[
        w("The post was written in {l}."),
        w("The message was in {l}."),
        w("It was posted in {l}."),
        w("The original is in {l}, translated here."),
        held(
            "{l} was the language of the original.",
            "language of the original",
        ),
        held(
            "The original {l} text drew thousands of replies.",
            "original",
        ),
    ],
    after_plain: &[
        w("{n} said."),
        w("{n} told reporters."),
        w("said {n}."),
        w("{n} said in an interview."),
        w("{n} told {o}."),
        w("{n} said at a news conference."),
        w("{n} said in a statement."),
        w("{n} wrote on {p}."),
        held("{n} cautioned.", "cautioned"),
        held("{n} joked at a briefing.", "joked"),
    ],
    before_plain: &[
        w("{n} said:"),
        w("{n} told reporters:"),
        w("In a statement, {n} said:"),
        w("{n} told {o}:"),
        held("{n} cautioned:", "cautioned"),
    ],
    names: &[
        "Olena Marchuk",
        "Ivan Sorokin",
        "Lucía Herrera",
        "Marta Kovalenko",
        "Pablo Ortega",
        "Nikolai Belov",
        "Carmen Ruiz",
        "Taras Hnatiuk",
        "Kallas",
        "Landsbergis",
        "Estonia's foreign minister",
        "Lithuania's defence minister",
        "the Kremlin's spokesman",
        "the mayor of Kharkiv",
    ],
    platforms: &["X", "Telegram", "Facebook", "Instagram"],
    outlets: &["CNN", "the BBC", "Reuters", "The Associated Press"],
    marks: &[("“", "”"), ("“", "”"), ("\"", "\"")],
    dash: false,
    outside: false,
};

/// Spanish articles quoting English posts.
pub const ES: Wordings = Wordings {
    lang: "es",
    after_cued: &[
        w("escribió {n} en inglés en {p}."),
        w("dijo {n} en un mensaje en inglés."),
        w("publicó {n} en {p} (traducido del inglés)."),
        w("respondió {n} en inglés."),
        w("escribió {n} en {p}, según una traducción del inglés."),
        w("afirmó {n} en inglés en su cuenta de {p}."),
        held("ironizó {n} en inglés en {p}.", "ironizó"),
        held(
            "sentenció {n} en un mensaje redactado en inglés.",
            "sentenció",
        ),
        held("lamentó {n} en {p}, en un texto en inglés.", "lamentó"),
        held("zanjó {n} en un tuit escrito en inglés.", "zanjó"),
    ],
    before_cued: &[
        w("{n} escribió en inglés en {p}:"),
        w("En un mensaje en inglés publicado en {p}, {n} afirmó:"),
        w("{n} respondió en inglés:"),
        held("{n} reprochó en inglés en {p}:", "reprochó"),
    ],
    after_social: &[
        w("escribió {n} en {p}."),
        w("publicó {n} en {p}."),
        held("tuiteó {n}, irónico.", "irónico"),
    ],
    cue_sentences: &[
        w("El mensaje estaba escrito en inglés."),
        w("La publicación original está en inglés."),
        held("El original fue redactado en inglés.", "redactado"),
    ],
    after_plain: &[
        w("dijo {n}."),
        w("declaró {n} a la prensa."),
        w("afirmó {n} en una entrevista."),
        w("señaló {n} en un comunicado."),
        held("advirtió {n}.", "advirtió"),
    ],
    before_plain: &[
        w("{n} dijo:"),
        w("{n} declaró a la prensa:"),
        held("{n} advirtió:", "advirtió"),
    ],
    names: &[
        "Lucía Herrera",
        "Pablo Ortega",
        "Carmen Ruiz",
        "Jorge Medina",
        "Ana Beltrán",
        "Diego Salinas",
        "Marta Castell",
        "Raúl Ibáñez",
        "Elena Vidal",
        "Tomás Aguirre",
        "el ministro de Exteriores de Estonia",
        "la portavoz de la OTAN",
    ],
    platforms: &["X", "Telegram", "Facebook", "Instagram"],
    outlets: &["EFE", "El País"],
    marks: &[("«", "»"), ("“", "”"), ("\"", "\"")],
    dash: false,
    outside: true,
};

/// Russian articles quoting English posts.
pub const RU: Wordings = Wordings {
    lang: "ru",
    after_cued: &[
        w("написал {n} в {p} на английском."),
        w("написал {n} в {p} по-английски."),
        w("заявил {n} в англоязычном посте."),
        w("ответил {n} на английском языке."),
        w("написал {n} в {p} (в переводе с английского)."),
        w("сообщил {n} на английском в {p}."),
        held("съязвил {n} в {p} на английском.", "съязвил"),
        held("парировал {n} на английском.", "парировал"),
        held("посетовал {n} в {p}, написав по-английски.", "посетовал"),
        held("отрезал {n} в своём английском посте.", "отрезал"),
    ],
    before_cued: &[
        w("{n} написал в {p} на английском:"),
        w("В англоязычном посте в {p} {n} написал:"),
        w("{n} ответил по-английски:"),
        held("{n} съязвил на английском:", "съязвил"),
    ],
    after_social: &[
        w("написал {n} в {p}."),
        w("написал {n} в своём {p}."),
        held("возмутился {n} в {p}.", "возмутился"),
    ],
    cue_sentences: &[
        w("Пост был написан на английском языке."),
        w("Сообщение опубликовано на английском."),
        held("Оригинал составлен по-английски.", "составлен"),
    ],
    after_plain: &[
        w("сказал {n}."),
        w("заявил {n} журналистам."),
        w("сказал {n} в интервью."),
        w("отметил {n}."),
        held("подытожил {n}.", "подытожил"),
    ],
    before_plain: &[
        w("{n} заявил:"),
        w("{n} сказал журналистам:"),
        held("{n} подытожил:", "подытожил"),
    ],
    names: &[
        "Дмитрий Песков",
        "Иван Сорокин",
        "Николай Белов",
        "Сергей Лавров",
        "Андрей Ковалёв",
        "Михаил Зорин",
        "Павел Орлов",
        "Олег Власов",
        "Виктор Гусев",
        "Алексей Жуков",
        "Юрий Титов",
        "глава МИД Эстонии",
    ],
    platforms: &["Telegram", "X", "Facebook"],
    outlets: &["ТАСС", "РИА Новости"],
    marks: &[("«", "»")],
    dash: true,
    outside: true,
};

/// Ukrainian articles quoting English posts.
pub const UK: Wordings = Wordings {
    lang: "uk",
    after_cued: &[
        w("написав {n} у {p} англійською."),
        w("заявив {n} англійською мовою."),
        w("написав {n} в {p} (переклад з англійської)."),
        w("відповів {n} англійською."),
        w("повідомив {n} в англомовному дописі."),
        held("іронізував {n} у {p} англійською.", "іронізував"),
        held("парирував {n} англійською.", "парирував"),
        held("відрізав {n} в англійському дописі у {p}.", "відрізав"),
    ],
    before_cued: &[
        w("{n} написав у {p} англійською:"),
        w("В англомовному дописі у {p} {n} написав:"),
        held("{n} обурився англійською:", "обурився"),
    ],
    after_social: &[
        w("написав {n} у {p}."),
        w("написав {n} у своєму {p}."),
        held("обурився {n} у {p}.", "обурився"),
    ],
    cue_sentences: &[
        w("Допис був написаний англійською."),
        w("Повідомлення опубліковане англійською мовою."),
        held("Оригінал складено англійською.", "складено"),
    ],
    after_plain: &[
        w("сказав {n}."),
        w("заявив {n} журналістам."),
        w("зазначив {n}."),
        held("підсумував {n}.", "підсумував"),
    ],
    before_plain: &[
        w("{n} заявив:"),
        w("{n} сказав журналістам:"),
        held("{n} підсумував:", "підсумував"),
    ],
    names: &[
        "Тарас Гнатюк",
        "Олег Марчук",
        "Андрій Коваленко",
        "Дмитро Кулеба",
        "Михайло Подоляк",
        "Ігор Шевчук",
        "Богдан Мельник",
        "Василь Ткачук",
        "Олександр Бойко",
        "Роман Кравець",
        "Сергій Лисенко",
        "мер Харкова",
    ],
    platforms: &["Telegram", "Facebook", "X"],
    outlets: &["Укрінформ", "Суспільне"],
    marks: &[("«", "»")],
    dash: true,
    outside: true,
};

/// The wordings of an article language.
pub fn for_lang(lang: &str) -> Option<&'static Wordings> {
    [&EN, &ES, &RU, &UK].into_iter().find(|w| w.lang == lang)
}
