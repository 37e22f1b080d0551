//! Desktop integration: the application icon, and `newsline install-desktop`, which puts a
//! desktop entry and the icon under `~/.local/share` so the app appears in menus and opens
//! the files and folders it is given (`Exec=newsline %F`).

use std::path::{Path, PathBuf};

/// The icon, 256×256 RGBA PNG.
pub const ICON_PNG: &[u8] = include_bytes!("../assets/newsline.png");
/// The desktop entry as shipped (its `Exec` names `newsline` on the PATH).
pub const DESKTOP_ENTRY: &str = include_str!("../assets/newsline.desktop");

/// The icon decoded to RGBA pixels: (width, height, pixels).
pub fn icon_rgba() -> Option<(u32, u32, Vec<u8>)> {
    let decoder = png::Decoder::new(std::io::Cursor::new(ICON_PNG));
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    buf.truncate(info.buffer_size());
    (info.color_type == png::ColorType::Rgba).then_some((info.width, info.height, buf))
}

/// Where the entry and icon go under a data home (`$XDG_DATA_HOME` or `~/.local/share`).
pub fn data_home() -> Option<PathBuf> {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
}

/// Writes `applications/newsline.desktop` and the icon under `data_home`, with `Exec`
/// pointing at `exe` so that it works even when the binary is not on the PATH. Returns the
/// files written.
pub fn install(data_home: &Path, exe: &Path) -> Result<Vec<PathBuf>, String> {
    let apps = data_home.join("applications");
    let icons = data_home.join("icons/hicolor/256x256/apps");
    for dir in [&apps, &icons] {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let exe = exe.display().to_string();
    let quoted = if exe.contains(char::is_whitespace) {
        format!("\"{exe}\"")
    } else {
        exe.clone()
    };
    let entry: String = DESKTOP_ENTRY
        .lines()
        .map(|line| {
            if line.starts_with("Exec=") {
                format!("Exec={quoted} %F")
            } else if line.starts_with("TryExec=") {
                format!("TryExec={exe}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    let entry_path = apps.join("newsline.desktop");
    let icon_path = icons.join("newsline.png");
    std::fs::write(&entry_path, entry).map_err(|e| format!("{}: {e}", entry_path.display()))?;
    std::fs::write(&icon_path, ICON_PNG).map_err(|e| format!("{}: {e}", icon_path.display()))?;
    Ok(vec![entry_path, icon_path])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_decodes() {
        let (w, h, px) = icon_rgba().unwrap();
        assert_eq!((w, h), (256, 256));
        assert_eq!(px.len(), 256 * 256 * 4);
    }

    #[test]
    fn install_writes_an_entry_that_runs_this_binary() {
        let dir = tempfile::tempdir().unwrap();
        let files = install(dir.path(), Path::new("/opt/my apps/newsline")).unwrap();
        assert_eq!(files.len(), 2);
        let entry = std::fs::read_to_string(&files[0]).unwrap();
        assert!(entry.contains("Exec=\"/opt/my apps/newsline\" %F\n"));
        assert!(entry.contains("TryExec=/opt/my apps/newsline\n"));
        assert!(entry.contains("Icon=newsline\n"));
        assert_eq!(std::fs::read(&files[1]).unwrap(), ICON_PNG);
    }
}
