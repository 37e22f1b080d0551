//! The markdown reader (a file named `a.md`), then the analysis of what it read.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    newsline_fuzz::read_and_analyse(&[("a.md", data)]);
});
