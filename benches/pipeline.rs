//! Pipeline benchmarks: analysis throughput (MB/s) on 1 and 2 threads, and load + analyse time
//! with peak memory for 1,000 and 10,000 generated articles.
//!
//! Run with `cargo bench --bench pipeline`; it prints figures, it asserts nothing. Peak memory
//! is measured in a child `newsline export --stats` process, so each corpus size gets a clean
//! process.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use newsline::corpus::Corpus;

/// The allocator the `newsline` binary uses, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // `cargo bench` passes `--bench`; ignore arguments.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("newsline pipeline benchmark ({threads} cores)");

    let corpus = generated(2_000, 7);
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    for n in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap();
        // Only the analysis is timed: the copy of the corpus it consumes is made before the
        // clock starts, and the story it returns is dropped after it stops.
        let seconds = (0..3)
            .map(|_| {
                let c = corpus.clone();
                let start = Instant::now();
                let story = pool.install(|| newsline::analysis::analyze(c));
                let elapsed = start.elapsed().as_secs_f64();
                drop(story);
                elapsed
            })
            .fold(f64::INFINITY, f64::min);
        println!(
            "analysis throughput, {n} thread(s): {:.1} MB/s ({} articles, {:.1} MB, best of 3: {:.3} s)",
            bytes as f64 / 1e6 / seconds,
            corpus.documents.len(),
            bytes as f64 / 1e6,
            seconds
        );
    }

    let exe = env!("CARGO_BIN_EXE_newsline");
    let tmp = std::env::temp_dir().join(format!("newsline-bench-{}", std::process::id()));
    for n in [1_000, 10_000] {
        let dir = tmp.join(n.to_string());
        newsline::generate::write_corpus(n, &dir, 42).expect("write corpus");
        let stats = stats_of(exe, &dir);
        println!("load + analyse {n} articles from disk: {stats}");
    }
    let _ = std::fs::remove_dir_all(&tmp);
}

/// A generated corpus in memory, read exactly as a folder would be.
fn generated(n: usize, seed: u64) -> Corpus {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut manifest = Vec::new();
    for (i, a) in newsline::generate::articles(n, seed).enumerate() {
        let file = format!("a{i:05}.txt");
        manifest.push(serde_json::json!({"file": file, "published": a.published.to_string()}));
        files.push((file, a.text.into_bytes()));
    }
    files.push((
        "corpus.json".into(),
        serde_json::to_vec(&serde_json::json!({"documents": manifest})).unwrap(),
    ));
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    newsline::corpus::load_in_memory(&refs)
}

/// Runs `newsline export DIR --stats` and returns the figures it prints on stderr.
fn stats_of(exe: &str, dir: &Path) -> String {
    let out = Command::new(exe)
        .args(["export", "--stats", "--out", "/dev/null"])
        .arg(dir)
        .output()
        .expect("run newsline");
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .find(|l| l.contains("stats:"))
        .map_or_else(|| format!("no stats ({stderr})"), |l| l.trim().to_string())
}
