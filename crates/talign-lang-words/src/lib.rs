//! How often the common words of 33 languages are written: a hash table from each word to its
//! frequency in every language that lists it, in the shard format `talign::lang::model` reads in
//! place. Derived from the word lists of wordfreq (Robyn Speer et al., CC BY-SA 4.0; see `NOTICE`)
//! by talign's `examples/build_word_table.rs`.
#![no_std]

/// The table's bytes.
pub static WORDS: &[u8] = include_bytes!("../words.bin");
