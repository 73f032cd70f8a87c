//! Prints the quotes of a document with speaker, platform and translation cue.
//! Usage: cargo run --example show_quotes -- FILE
fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "seeds/000_488fef76da5343e0.txt".into());
    let doc = talign::read::read_document(std::path::Path::new(&path))?;
    let segs = talign::segment::segment(&doc);
    for q in talign::quote::quotes(&doc, &segs) {
        println!(
            "q{} speaker={:?} platform={:?} cue={:?}\n    {}",
            q.index,
            q.speaker,
            q.platform.map(|p| p.as_str()),
            q.cue.map(|c| (c.lang.map(|l| l.to_string()), c.phrase)),
            q.text
        );
    }
    Ok(())
}
