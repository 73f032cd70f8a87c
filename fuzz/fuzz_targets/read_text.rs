//! Text decoding either returns the exact text (BOM dropped) or names a line and byte inside it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talign::read::{decode_text, ReadError};

fuzz_target!(|data: &[u8]| {
    match decode_text("fuzz.txt", data.to_vec()) {
        Ok(text) => assert!(data.ends_with(text.as_bytes())),
        Err(ReadError::InvalidUtf8 { byte, line, .. })
        | Err(ReadError::Binary { byte, line, .. }) => {
            assert!(byte < data.len());
            assert!(line >= 1 && line <= data.len() + 1);
        }
        Err(other) => panic!("unexpected error kind: {other}"),
    }
});
