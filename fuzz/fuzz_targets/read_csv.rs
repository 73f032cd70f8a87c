//! CSV and TSV reading never panics, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talign::read::{records, InputFormat, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions {
        max_doc_bytes: 512,
        ..ReadOptions::default()
    };
    for format in [InputFormat::Csv, InputFormat::Tsv] {
        let input = Box::new(std::io::Cursor::new(data.to_vec()));
        for record in records("fuzz.csv", input, format, &opts).take(10_000) {
            let _ = record;
        }
    }
});
