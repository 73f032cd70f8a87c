//! JSONL reading (line splitting with a length cap, UTF-8, JSON, fields, embedded HTML) never
//! panics, and every error names a line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talign::read::{records, InputFormat, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions {
        max_doc_bytes: 512,
        ..ReadOptions::default()
    };
    let input = Box::new(std::io::Cursor::new(data.to_vec()));
    for record in records("fuzz.jsonl", input, InputFormat::Jsonl, &opts) {
        if let Err(e) = record {
            assert!(e.line().is_some() || e.to_string().contains("cannot read"));
        }
    }
});
