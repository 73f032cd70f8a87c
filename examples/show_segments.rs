//! Prints the segments of a file, one a line: `cargo run --example show_segments FILE`.
fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "seeds/000_488fef76da5343e0.txt".into());
    let doc = talign::read::read_document(std::path::Path::new(&path))?;
    for s in talign::segment::segment(&doc) {
        let q = s
            .quote
            .map(|q| format!(" q{}.{}", q.quote, q.piece))
            .unwrap_or_default();
        let d = s
            .duplicate_of
            .map(|d| format!(" dup={d}"))
            .unwrap_or_default();
        println!(
            "{:3} {:11}{q}{d} | {}",
            s.id,
            s.kind.as_str(),
            s.text(&doc.text)
        );
    }
    Ok(())
}
