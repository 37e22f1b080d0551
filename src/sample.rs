//! The built-in sample corpus (five articles on one phone call between two heads of state),
//! embedded in the binary so the app and `newsline export` work from any directory.

use crate::corpus::{self, Corpus};

/// File name and contents of every file of `assets/corpus/`, manifest included.
pub const FILES: &[(&str, &str)] = &[
    ("corpus.json", include_str!("../assets/corpus/corpus.json")),
    (
        "000_350305d367b9b9bc.txt",
        include_str!("../assets/corpus/000_350305d367b9b9bc.txt"),
    ),
    (
        "001_b5be6de7da36894c.txt",
        include_str!("../assets/corpus/001_b5be6de7da36894c.txt"),
    ),
    (
        "002_9a7410b64297b673.txt",
        include_str!("../assets/corpus/002_9a7410b64297b673.txt"),
    ),
    (
        "003_2c7a115241268c38.txt",
        include_str!("../assets/corpus/003_2c7a115241268c38.txt"),
    ),
    (
        "004_3205402f702b0a96.txt",
        include_str!("../assets/corpus/004_3205402f702b0a96.txt"),
    ),
];

/// The sample, read exactly as a folder on disk would be.
pub fn corpus() -> Corpus {
    let files: Vec<(&str, &[u8])> = FILES.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    corpus::load_in_memory(&files)
}
