//! Saved pages: the same bytes as `.htm`, `.mhtml`, `.mht` and `.pdf`, whichever readers
//! those endings have (as new page readers land, this target covers them unchanged).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    for name in ["a.htm", "a.mhtml", "a.mht", "a.pdf"] {
        newsline_fuzz::read_and_analyse(&[(name, data)]);
    }
});
