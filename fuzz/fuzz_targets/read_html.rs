//! HTML extraction (visible text, embedded posts) never panics, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use talign::read::extract_html;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let out = extract_html(&page);
    let _ = out.posts.len();
});
