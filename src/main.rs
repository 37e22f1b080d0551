//! The `newsline` command: the app, and the headless `export`, `timex`, `gen-corpus` and
//! `tempeval` commands. Built without the `gui` feature it has the headless commands only.

// Release builds on Windows open no console window behind the app.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// The analysis makes many small, short-lived strings and vectors on several threads at once;
/// mimalloc serves them with less time in the allocator than the system one.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns news articles into a timeline of dated events, a graph of the people involved, and
/// the source sentences behind every event.
#[derive(Parser)]
#[command(name = "newsline", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files and folders of articles to open (none: the built-in sample).
    paths: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles without a window and print the story.
    Export {
        /// Files and folders (none: the built-in sample).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print load and analysis times and peak memory on standard error.
        #[arg(long)]
        stats: bool,
        /// Apply the edits of this project file instead of the corpus's own
        /// (`<folder>/.newsline-edits.json`).
        #[arg(long, conflicts_with = "no_edits")]
        edits: Option<PathBuf>,
        /// Ignore saved edits: the story as the analysis finds it.
        #[arg(long)]
        no_edits: bool,
    },
    /// Print the temporal expressions of one plain text as a JSON array.
    Timex {
        /// Reference date (document creation time), YYYY-MM-DD.
        #[arg(long)]
        dct: String,
        /// The text file; `-` or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Write N generated articles (plain text and a corpus.json manifest) into DIR, for
    /// benchmarks and scale tests.
    GenCorpus {
        n: usize,
        dir: PathBuf,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Open the app in a real window, render it, save a PNG of the window and exit.
    #[cfg(feature = "gui")]
    Screenshot {
        /// Files and folders (none: the built-in sample).
        paths: Vec<PathBuf>,
        /// The PNG to write.
        #[arg(long)]
        out: PathBuf,
        /// Window size in points, WxH.
        #[arg(long, default_value = "1600x1000", value_parser = parse_size)]
        size: [f32; 2],
        /// Event to select first (its id in the export, e.g. v6).
        #[arg(long)]
        select: Option<String>,
        #[arg(long, value_enum, default_value_t = ThemeArg::Dark)]
        theme: ThemeArg,
        /// Capture the whole window or one panel.
        #[arg(long, value_enum, default_value_t = PanelArg::Window)]
        panel: PanelArg,
        /// Pixel density: 2 doubles the pixels of the same picture, for crisp slides.
        #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
        scale: f32,
        /// Write the whole-story slide (16:9, twice the pixels) instead of the window, without
        /// opening one; `--out` ending in .svg or .pdf writes that format.
        #[arg(long)]
        slide: bool,
    },
    /// Add Newsline to the desktop's application menu: writes a desktop entry and the icon
    /// under ~/.local/share (or $XDG_DATA_HOME).
    #[cfg(feature = "gui")]
    InstallDesktop,
    /// Score the date tagger on TimeML files (TempEval-3 measures).
    #[command(hide = true)]
    Tempeval {
        /// Folder of `.tml` files, searched recursively.
        dir: PathBuf,
        /// List every miss, false alarm and wrong value too.
        #[arg(long)]
        errors: bool,
    },
}

#[cfg(feature = "gui")]
#[derive(Clone, Copy, ValueEnum)]
enum PanelArg {
    Window,
    Timeline,
    Graph,
}

#[cfg(feature = "gui")]
impl From<PanelArg> for newsline::app::Panel {
    fn from(p: PanelArg) -> Self {
        match p {
            PanelArg::Window => newsline::app::Panel::Window,
            PanelArg::Timeline => newsline::app::Panel::Timeline,
            PanelArg::Graph => newsline::app::Panel::Graph,
        }
    }
}

#[cfg(feature = "gui")]
fn parse_scale(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("{s}: not a number"))?;
    if !(0.5..=4.0).contains(&v) {
        return Err(format!("{s}: scale must be between 0.5 and 4"));
    }
    Ok(v)
}

#[cfg(feature = "gui")]
#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Dark,
    Light,
}

#[cfg(feature = "gui")]
impl From<ThemeArg> for newsline::app::Theme {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Dark => newsline::app::Theme::Dark,
            ThemeArg::Light => newsline::app::Theme::Light,
        }
    }
}

#[cfg(feature = "gui")]
fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("{s}: expected WIDTHxHEIGHT, e.g. 1600x1000"))?;
    let w: f32 = w.trim().parse().map_err(|_| format!("{s}: bad width"))?;
    let h: f32 = h.trim().parse().map_err(|_| format!("{s}: bad height"))?;
    if !(320.0..=8192.0).contains(&w) || !(240.0..=8192.0).contains(&h) {
        return Err(format!("{s}: size must be between 320x240 and 8192x8192"));
    }
    Ok([w, h])
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    /// Events, one row each.
    Csv,
    /// Where the sources differ: one row per outlet's value of a compared fact.
    ComparisonsCsv,
    Gexf,
    Timelinejs,
    /// The whole-story slide (16:9) as SVG.
    Svg,
    /// The whole-story slide as a one-page PDF.
    Pdf,
    /// The whole-story slide as PNG at twice its size (2560 × 1440).
    Png,
}

fn main() -> ExitCode {
    #[cfg(feature = "gui")]
    newsline::app::mark_process_start();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Export {
            paths,
            format,
            out,
            stats,
            edits,
            no_edits,
        }) => {
            let edits = match (no_edits, edits) {
                (true, _) => Edits::Ignore,
                (false, Some(f)) => Edits::File(f),
                (false, None) => Edits::Saved,
            };
            export(&paths, format, out, stats, &edits)
        }
        Some(Command::Timex { dct, file }) => timex(&dct, file),
        Some(Command::GenCorpus { n, dir, seed }) => {
            newsline::generate::write_corpus(n, &dir, seed)
                .map_err(|e| format!("{}: cannot write the corpus: {e}", dir.display()))
        }
        Some(Command::Tempeval { dir, errors }) => tempeval(&dir, errors),
        #[cfg(feature = "gui")]
        Some(Command::Screenshot {
            paths,
            out,
            size,
            select,
            theme,
            panel,
            scale,
            slide,
        }) => {
            if slide {
                slide_file(&paths, &out, select.as_deref())
            } else {
                screenshot(&paths, out, size, select, theme.into(), panel.into(), scale)
            }
        }
        #[cfg(feature = "gui")]
        Some(Command::InstallDesktop) => install_desktop(),
        None => open_window(&cli.paths),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("newsline: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Loads and analyses `paths` (or the sample) for the window. A corpus with nothing readable
/// still opens, and the window explains what went wrong.
#[cfg(feature = "gui")]
fn app_for(paths: &[PathBuf], theme: newsline::app::Theme) -> newsline::app::NewslineApp {
    let corpus = if paths.is_empty() {
        newsline::sample::corpus()
    } else {
        newsline::corpus::load_paths(paths)
    };
    for warning in &corpus.warnings {
        eprintln!("newsline: warning: {warning}");
    }
    let started = std::time::Instant::now();
    let mut story = newsline::analysis::analyze(corpus);
    if let Err(e) = curate(&mut story, paths, &Edits::Saved) {
        eprintln!("newsline: warning: {e}");
    }
    let provenance = newsline::app::Provenance {
        source: newsline::app::describe_paths(paths),
        analysis: started.elapsed(),
    };
    newsline::app::NewslineApp::new(story, provenance, theme)
}

/// The window, loading the sample or `paths` in the background.
#[cfg(feature = "gui")]
fn open_window(paths: &[PathBuf]) -> Result<(), String> {
    let source = if paths.is_empty() {
        newsline::loader::Source::Sample
    } else {
        newsline::loader::Source::Paths(paths.to_vec())
    };
    let app = newsline::app::NewslineApp::loading(source, newsline::app::Settings::default());
    newsline::app::run(app, [1600.0, 1000.0], true)
}

#[cfg(feature = "gui")]
fn screenshot(
    paths: &[PathBuf],
    out: PathBuf,
    size: [f32; 2],
    select: Option<String>,
    theme: newsline::app::Theme,
    panel: newsline::app::Panel,
    scale: f32,
) -> Result<(), String> {
    let mut app = app_for(paths, theme);
    if let Some(id) = &select
        && !app.select_event_id(id)
    {
        return Err(format!(
            "--select {id}: no such event (see `newsline export` for ids)"
        ));
    }
    let _ = std::fs::remove_file(&out);
    let app = app.with_screenshot(newsline::app::ScreenshotRequest {
        out: out.clone(),
        settle_frames: 12,
        panel,
        scale,
        exit_after: true,
    });
    // The window opens at the final pixel size; the zoom then brings the layout back to
    // `size` points.
    let result = newsline::app::run(app, [size[0] * scale, size[1] * scale], false);
    let scratch = std::env::temp_dir().join(format!("newsline-scripted-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(scratch);
    result?;
    if !out.exists() {
        return Err(format!(
            "{}: the window closed before the screenshot was taken",
            out.display()
        ));
    }
    Ok(())
}

#[cfg(feature = "gui")]
/// The whole-story slide, headless, as PNG (2×), SVG or PDF by the extension of `out`.
fn slide_file(
    paths: &[PathBuf],
    out: &std::path::Path,
    select: Option<&str>,
) -> Result<(), String> {
    let mut story = newsline::analysis::analyze(load(paths)?);
    curate(&mut story, paths, &Edits::Saved)?;
    let selected = match select {
        Some(id) => Some(
            story
                .events
                .iter()
                .position(|e| e.id == id)
                .ok_or_else(|| {
                    format!("--select {id}: no such event (see `newsline export` for ids)")
                })?,
        ),
        None => None,
    };
    let opts = newsline::export::slides::SlideOptions {
        selected,
        ..Default::default()
    };
    use newsline::export::slides;
    let bytes = match out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => slides::svg(&story, &opts).into_bytes(),
        Some("pdf") => slides::pdf(&story, &opts)?,
        _ => slides::png(&story, &opts)?,
    };
    std::fs::write(out, bytes).map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    eprintln!("newsline: wrote {}", out.display());
    Ok(())
}

#[cfg(feature = "gui")]
fn install_desktop() -> Result<(), String> {
    let home = newsline::desktop::data_home()
        .ok_or("neither $XDG_DATA_HOME nor $HOME is set; cannot tell where to install")?;
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    for file in newsline::desktop::install(&home, &exe)? {
        println!("wrote {}", file.display());
    }
    println!("Newsline is now in the application menu (log out and in if it does not show yet).");
    Ok(())
}

/// Without the `gui` feature there is no window: says so, and what is there instead.
#[cfg(not(feature = "gui"))]
fn open_window(_paths: &[PathBuf]) -> Result<(), String> {
    Err(
        "this newsline was built without the `gui` feature, so it has no window; \
         rebuild with `cargo build --features gui`, or use the headless commands \
         (`newsline export PATH...`, `timex`, `gen-corpus`, `tempeval`; see `newsline --help`)"
            .to_string(),
    )
}

fn tempeval(dir: &std::path::Path, errors: bool) -> Result<(), String> {
    let docs = newsline::tempeval::read_dir(dir)?;
    if errors {
        for doc in &docs {
            for line in newsline::tempeval::mismatches(doc) {
                println!("{line}");
            }
        }
    }
    println!("{}", newsline::tempeval::score_docs(&docs));
    Ok(())
}

/// Loads the paths (or the sample), reporting bad files on stderr; fails only when nothing loaded.
fn load(paths: &[PathBuf]) -> Result<newsline::corpus::Corpus, String> {
    let corpus = if paths.is_empty() {
        newsline::sample::corpus()
    } else {
        newsline::corpus::load_paths(paths)
    };
    for warning in &corpus.warnings {
        eprintln!("newsline: warning: {warning}");
    }
    if corpus.documents.is_empty() {
        return Err("no article could be loaded (see the warnings above)".to_string());
    }
    Ok(corpus)
}

/// Which saved edits a command applies.
enum Edits {
    /// The corpus's own project file.
    Saved,
    File(PathBuf),
    Ignore,
}

/// Replays the chosen edits on `story`; edits that do not apply are warnings on stderr.
fn curate(
    story: &mut newsline::story::Story,
    paths: &[PathBuf],
    edits: &Edits,
) -> Result<(), String> {
    let file = match edits {
        Edits::Ignore => return Ok(()),
        Edits::Saved => None,
        Edits::File(f) => Some(f.as_path()),
    };
    for warning in newsline::edits::replay_saved(story, paths, file)? {
        eprintln!("newsline: warning: {warning}");
    }
    Ok(())
}

fn export(
    paths: &[PathBuf],
    format: Format,
    out: Option<PathBuf>,
    stats: bool,
    edits: &Edits,
) -> Result<(), String> {
    let started = std::time::Instant::now();
    let corpus = load(paths)?;
    let loaded = started.elapsed();
    let (documents, bytes) = (
        corpus.documents.len(),
        corpus.documents.iter().map(|d| d.text.len()).sum::<usize>(),
    );
    let mut story = newsline::analysis::analyze(corpus);
    curate(&mut story, paths, edits)?;
    let analysed = started.elapsed() - loaded;
    let text = match format {
        // Streamed: the biggest export, and the one big corpora are exported to.
        Format::Json => None,
        Format::Csv => Some(newsline::export::csv(&story)),
        Format::ComparisonsCsv => Some(newsline::export::comparisons_csv(&story)),
        Format::Gexf => Some(newsline::export::gexf(&story)),
        Format::Timelinejs => Some(newsline::export::timelinejs(&story)),
        Format::Svg => Some(newsline::export::slides::svg(&story, &Default::default())),
        Format::Pdf => {
            let pdf = newsline::export::slides::pdf(&story, &Default::default())?;
            return stream_out(out, |w| w.write_all(&pdf));
        }
        Format::Png => {
            let png = newsline::export::slides::png(&story, &Default::default())?;
            return stream_out(out, |w| w.write_all(&png));
        }
    };
    match text {
        Some(text) => write_out(&text, out)?,
        None => stream_out(out, |w| newsline::export::write_json(&story, w))?,
    }
    if stats {
        eprintln!(
            "newsline: stats: {documents} documents ({:.1} MB) loaded in {:.3} s, analysed in {:.3} s ({:.1} MB/s), {} events, {} entities; total {:.3} s, peak memory {}",
            bytes as f64 / 1e6,
            loaded.as_secs_f64(),
            analysed.as_secs_f64(),
            bytes as f64 / 1e6 / analysed.as_secs_f64().max(1e-9),
            story.events.len(),
            story.entities.len(),
            started.elapsed().as_secs_f64(),
            peak_memory().unwrap_or_else(|| "unknown".to_string()),
        );
    }
    Ok(())
}

/// The process's peak resident memory, where the system tells it (Linux).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MB", kib * 1024.0 / 1e6))
}

fn timex(dct: &str, file: Option<PathBuf>) -> Result<(), String> {
    let date: jiff::civil::Date = dct
        .parse()
        .map_err(|e| format!("--dct {dct}: not a date YYYY-MM-DD ({e})"))?;
    let text = match file.as_deref() {
        None => read_stdin()?,
        Some(p) if p.as_os_str() == "-" => read_stdin()?,
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8 text", p.display()))?
        }
    };
    let timexes = newsline::analysis::timex::tag(&text, Some(date));
    let json = serde_json::to_string_pretty(&timexes).map_err(|e| e.to_string())?;
    write_out(&(json + "\n"), None)
}

fn read_stdin() -> Result<String, String> {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
        .map_err(|e| format!("standard input: {e}"))?;
    Ok(text)
}

/// Writes an export to `out` (a file) or standard output, as `write` produces it.
fn stream_out(
    out: Option<PathBuf>,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), String> {
    match out {
        Some(path) => std::fs::File::create(&path)
            .and_then(|mut file| write(&mut file))
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => {
            // A closed pipe (`| head`) is not an error worth a message.
            let _ = write(&mut std::io::stdout().lock());
            Ok(())
        }
    }
}

fn write_out(text: &str, out: Option<PathBuf>) -> Result<(), String> {
    stream_out(out, |w| w.write_all(text.as_bytes()))
}
