//! Bytes to text: UTF-8 when it is, Windows-1252 when it is not (with a warning), and a clear
//! refusal for binary files. Web pages say their own encoding (a byte-order mark, `<meta
//! charset>`, or an HTTP-equivalent `Content-Type`), which [`decode_html`] honours.

use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::bytes::Regex;

/// How far into a page its encoding declaration is looked for (browsers look at 1024 bytes;
/// saved pages often put a long comment or scripts first).
const CHARSET_SCAN_BYTES: usize = 8192;

/// `<meta charset="...">` or `<meta http-equiv="Content-Type" content="text/html;
/// charset=...">`: the charset label in group 1 or 2. A byte-level prescan, as browsers do
/// before any parsing, since the parser needs the text decoded first.
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\s[^>]*?(?:charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)|content\s*=\s*["'][^"']*charset\s*=\s*([a-z0-9_:.+-]+))"#)
        .unwrap()
});

/// Decodes a web page: its byte-order mark, else the charset it declares (or the one its
/// container gives, `hint`, as an MHTML part's header), else UTF-8 or Windows-1252 as
/// [`decode`] does. A declared legacy encoding (Windows-1252, GBK, Big5, Shift_JIS, KOI8-R,
/// ...) is decoded without a warning: the page said what it is.
pub fn decode_html(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    decode_html_with(bytes, None)
}

/// [`decode_html`] with the charset a container declares for the page.
pub fn decode_html_with(
    bytes: &[u8],
    hint: Option<&str>,
) -> Result<(String, Option<String>), String> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Ok((normalize(&text), None));
    }
    let head = &bytes[..bytes.len().min(CHARSET_SCAN_BYTES)];
    let declared = META_CHARSET
        .captures(head)
        .and_then(|c| c.get(1).or(c.get(2)))
        .and_then(|m| Encoding::for_label(m.as_bytes()))
        .or_else(|| hint.and_then(|h| Encoding::for_label(h.as_bytes())));
    match declared {
        // A page declaring UTF-16 in ASCII bytes is UTF-8 (as browsers read it); plain UTF-8
        // goes through `decode`, which checks for binary and says when it is not UTF-8. So
        // does a page whose bytes are valid UTF-8 with some non-ASCII in them despite a
        // legacy declaration: pages re-saved by an editor or a browser keep their old
        // `<meta charset>`, and legacy-encoded text is practically never valid UTF-8.
        Some(e)
            if e != encoding_rs::UTF_8
                && e != encoding_rs::UTF_16LE
                && e != encoding_rs::UTF_16BE
                && (bytes.is_ascii() || std::str::from_utf8(bytes).is_err()) =>
        {
            if bytes.contains(&0) {
                return Err("binary file (it contains NUL bytes), not text".into());
            }
            let (text, _, _) = e.decode(bytes);
            Ok((normalize(&text), None))
        }
        _ => decode(bytes),
    }
}

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
    fn a_page_is_read_in_the_charset_it_declares() {
        use super::decode_html;
        let latin = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>caf\xe9</body></html>";
        let (text, note) = decode_html(latin).unwrap();
        assert!(text.contains("café") && note.is_none(), "{text}");
        let gbk = b"<meta charset=gbk><p>\xd6\xd0\xce\xc4</p>";
        assert!(decode_html(gbk).unwrap().0.contains("中文"));
        // Re-saved as UTF-8 under its old declaration: the bytes say what they are.
        let resaved = "<meta charset=gb2312><p>中文</p>".as_bytes();
        assert!(decode_html(resaved).unwrap().0.contains("中文"));
        let utf16: Vec<u8> = "\u{feff}<p>é</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode_html(&utf16).unwrap().0, "<p>é</p>");
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
