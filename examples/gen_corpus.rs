//! Writes the seeded benchmark corpus: `cargo run --release --example gen_corpus -- MB SEED OUT`
//! (e.g. `200 1 /tmp/corpus200.jsonl`), from `../shared/data/flores` read in place.

#[path = "../tests/it/common/corpus.rs"]
mod corpus;

use std::io::BufWriter;
use std::path::Path;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mb, seed, out] = args.as_slice() else {
        anyhow::bail!("usage: gen_corpus MB SEED OUT");
    };
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let flores = corpus::load_flores(&data)
        .ok_or_else(|| anyhow::anyhow!("{}/flores not found", data.display()))?;
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    let (bytes, records) =
        corpus::generate(&flores, seed.parse()?, mb.parse::<usize>()? << 20, &mut w)?;
    eprintln!("wrote {bytes} bytes, {records} records to {out}");
    Ok(())
}
