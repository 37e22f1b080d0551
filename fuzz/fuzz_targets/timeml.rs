//! The TimeML reader of the TempEval scorer, and the scoring of what it read.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(doc) = newsline::tempeval::parse_timeml(xml) {
        for g in &doc.gold {
            assert!(doc.text.get(g.start..g.end).is_some(), "{g:?}");
        }
        let _ = newsline::tempeval::score_doc(&doc);
        let _ = newsline::tempeval::mismatches(&doc);
    }
});
