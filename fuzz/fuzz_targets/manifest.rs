//! The `corpus.json` manifest beside an article it may or may not describe.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    newsline_fuzz::read_and_analyse(&[("corpus.json", data), ("a.txt", newsline_fuzz::GOOD)]);
});
