//! The analysis (sections, sentences, dates, names, events, quotes, links) on arbitrary text,
//! without a reader in front of it.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    newsline_fuzz::analyse_text(data);
});
