//! Bytes to text: UTF-8 when it is, Windows-1252 when it is not (with a warning), and a clear
//! refusal for binary files.

/// Decodes a file's bytes. `Err` says why it is not text; `Ok((text, Some(note)))` means the
/// text was read but the user should know how.
pub fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err("binary file (it contains NUL bytes), not text".into());
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > bytes.len().max(1) {
        return Err("binary file (mostly control characters), not text".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((normalize(text), None)),
        Err(e) => {
            let text: String = bytes.iter().map(|&b| windows_1252(b)).collect();
            Ok((
                normalize(&text),
                Some(format!(
                    "not valid UTF-8 (first bad byte at offset {}); read as Windows-1252",
                    e.valid_up_to()
                )),
            ))
        }
    }
}

/// Line endings as `\n`, so offsets mean the same on every platform.
fn normalize(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// Windows-1252, the usual encoding of non-UTF-8 Western news text (a superset of Latin-1's
/// printable range).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn utf8_passes_and_bom_and_crlf_go() {
        assert_eq!(
            decode("\u{feff}a\r\nb".as_bytes()).unwrap(),
            ("a\nb".into(), None)
        );
    }

    #[test]
    fn windows_1252_is_read_with_a_note() {
        let (text, note) = decode(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(text, "café “quoted”");
        assert!(note.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn binary_is_refused() {
        assert!(
            decode(b"PK\x03\x04\x00\x00")
                .unwrap_err()
                .contains("binary")
        );
        assert!(
            decode(&[1u8, 2, 3, 4, 5, 6, 7, 8])
                .unwrap_err()
                .contains("binary")
        );
    }
}
