//! HTML pages: visible text is aligned, embedded posts join the run as documents of their own.

use crate::common::{talign, write};

const EN: &str = r#"<html><head><title>x</title><script>var a = "<p>hidden</p>";</script></head>
<body><nav><a href="/">Home</a></nav><p>The minister spoke on Monday.</p><p>He said the talks went well.</p>
<blockquote class="twitter-tweet"><p lang="ru" dir="ltr">Переговоры прошли хорошо.</p>&mdash; Министр (@minister) <a href="https://twitter.com/minister/status/42">June 3, 2024</a></blockquote>
<p>More talks are planned.</p></body></html>"#;

const ES: &str = r#"<html><body><nav><a href="/">Inicio</a></nav><p>El ministro habló el lunes.</p><p>Dijo que las conversaciones fueron bien.</p><p>Se planean más conversaciones.</p></body></html>"#;

#[test]
fn html_pairs_and_embedded_posts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    write(dir.path(), "talks.en.html", EN);
    write(dir.path(), "talks.es.html", ES);
    let summary = dir.path().join("s.json");
    let out = talign()
        .args(["run", "--quiet", "--format", "jsonl", "--summary"])
        .arg(&summary)
        .arg(dir.path())
        .assert()
        .code(0);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.contains("He said the talks went well."), "{stdout}");
    assert!(!stdout.contains("hidden"), "{stdout}");
    assert!(
        !stdout.contains("Переговоры"),
        "the post is not part of the page text: {stdout}"
    );
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).unwrap_or_default())
            .unwrap_or_default();
    // Two pages plus the embedded post.
    assert_eq!(s["documents"], 3, "{s:#}");
    assert_eq!(s["processed"], 3, "{s:#}");
}
