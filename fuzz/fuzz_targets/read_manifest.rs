//! Manifest parsing never panics; every row is two paths or a reason with its line.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talign::read::parse_manifest;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for row in parse_manifest("fuzz.tsv", std::path::Path::new("base"), &text) {
        if let Err(e) = row {
            assert!(e.line().is_some());
        }
    }
});
