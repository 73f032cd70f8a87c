//! Compiles `data/lang/stopwords.tsv` (function words, `lang<TAB>word` lines; the distinctive
//! words of `data/lang/distinctive.tsv` applied, see `src/lang/word_table.rs`) into a static
//! open-addressing hash table, so that no process builds a 16,000-word map at start-up (it cost
//! every `talign align` and `talign detect` process more instructions than aligning a 30-sentence
//! document). The table's hash is FNV-1a over the word's bytes; `src/lang/words.rs` hashes the
//! same way.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/lang/word_table.rs"]
mod word_table;

const SOURCE: &str = "data/lang/stopwords.tsv";
const DISTINCTIVE: &str = "data/lang/distinctive.tsv";
const SIBLINGS: &str = "data/lang/siblings.tsv";

/// FNV-1a, 64 bits (the same function as `lang::words::fnv1a`).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Links the `talign` binary as a position-dependent executable on x86-64 Linux (glibc): a PIE must
/// apply some 30,000 relocations to its tables at every start, which costs each process about
/// 0.5 ms and 170 page faults, a tenth of aligning a short document. `TALIGN_PIE=1` keeps the
/// platform's default (a PIE, whose image address is randomised).
fn link_position_dependent() {
    println!("cargo:rerun-if-env-changed=TALIGN_PIE");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && std::env::var_os("TALIGN_PIE").is_none()
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}

fn main() {
    link_position_dependent();
    for source in [
        SOURCE,
        DISTINCTIVE,
        SIBLINGS,
        "src/lang/word_table.rs",
        "build.rs",
    ] {
        println!("cargo:rerun-if-changed={source}");
    }
    let read =
        |path: &str| std::fs::read_to_string(path).expect("the data/lang tables are readable");
    let (text, distinctive, siblings) = (read(SOURCE), read(DISTINCTIVE), read(SIBLINGS));
    let by_word = word_table::word_langs(&text, &distinctive, &siblings);
    let codes: Vec<&str> = by_word
        .values()
        .flatten()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert!(codes.len() <= 64, "a function-word mask holds 64 languages");
    assert!(
        by_word.len() < usize::from(u16::MAX),
        "slots index words by u16"
    );
    let size = (by_word.len() * 2).next_power_of_two();
    let mut slots = vec![0u16; size];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "/// The languages of the function-word table, in mask bit order."
    );
    let _ = writeln!(
        out,
        "const TABLE_CODES: [&str; {}] = {:?};",
        codes.len(),
        codes
    );
    // the words as one string with offsets, not a table of `&str`: pointers in a static need
    // a relocation each, applied by the loader at every process start
    let mut joined = String::new();
    let mut offsets = vec![0u32];
    let mut masks = Vec::new();
    for (k, (word, langs)) in by_word.iter().enumerate() {
        let mask = langs
            .iter()
            .filter_map(|c| codes.iter().position(|x| x == c))
            .fold(0u64, |m, i| m | (1u64 << i));
        joined.push_str(word);
        offsets.push(joined.len() as u32);
        masks.push(mask);
        let mut slot = (fnv1a(word.as_bytes()) as usize) & (size - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (size - 1);
        }
        slots[slot] = (k + 1) as u16;
    }
    let _ = writeln!(
        out,
        "/// Every function word, in byte order, one after the other."
    );
    let _ = writeln!(out, "static JOINED: &str = {joined:?};");
    let _ = writeln!(out, "/// Word k is `JOINED[OFFSETS[k]..OFFSETS[k + 1]]`.");
    let _ = writeln!(
        out,
        "static OFFSETS: [u32; {}] = {offsets:?};",
        offsets.len()
    );
    let _ = writeln!(out, "/// The mask of [`TABLE_CODES`] listing each word.");
    let _ = writeln!(out, "static MASKS: [u64; {}] = {masks:?};", masks.len());
    let _ = writeln!(
        out,
        "/// Open addressing over the words: slot → 1 + the word's index, 0 when empty (FNV-1a, \
         linear probing)."
    );
    let _ = writeln!(out, "static SLOTS: [u16; {size}] = {slots:?};");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("function_words.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
