//! Shard 6 of the eight shards of talign's character n-gram language model: the buckets of the
//! model's hash table whose top three bits are 6, in the format `talign::lang::model` reads in
//! place. The probabilities are lingua-rs's (Apache-2.0, © Peter M. Stahl; `LICENSE.lingua-rs`),
//! converted by talign's `examples/build_lang_model.rs`.
#![no_std]

/// The shard's bytes.
pub static SHARD: &[u8] = include_bytes!("../shard.bin");
