//! A page's metadata read from its DOM: title, published date, outlet, canonical URL, author
//! and declared language, each with the name of the field it came from.
//!
//! The order of preference follows what publishers fill in most carefully: structured data
//! (JSON-LD) first, then the Open Graph and Dublin Core tags social sites and libraries read,
//! then the page's own markup (`<time>`, `<title>`, `<h1>`, the byline).

use dom_query::{Document, NodeRef};
use serde_json::Value;

use crate::corpus::manifest::{Meta, date_part};

/// JSON-LD types that describe the article itself (not the site, a breadcrumb or an image).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
];

/// Meta tags giving the title, best first.
const TITLE_TAGS: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "dcterms.title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
];

/// Meta tags giving the published date, best first.
const DATE_TAGS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
];

/// Meta tags giving the outlet, best first.
const OUTLET_TAGS: &[&str] = &["og:site_name", "application-name", "al:android:app_name"];

/// Meta tags giving the author, best first.
const AUTHOR_TAGS: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
];

/// Title separators between an article's title and its site's name.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / ", " : ",
];

/// The page's metadata. `byline` is the extractor's byline, used when nothing better names
/// the author.
pub fn read(doc: &Document) -> Meta {
    let tags = meta_tags(doc);
    let tag = |names: &[&str]| -> Option<(String, String)> {
        names.iter().find_map(|n| {
            tags.iter()
                .find(|(k, v)| k == n && !v.trim().is_empty())
                .map(|(k, v)| (v.trim().to_string(), k.clone()))
        })
    };
    let ld = json_ld(doc);
    let mut meta = Meta::default();
    let set =
        |field: &mut Option<String>, from: &mut Option<String>, v: Option<(String, String)>| {
            if field.is_none()
                && let Some((value, source)) = v
            {
                *field = Some(value);
                *from = Some(source);
            }
        };
    let s = &mut meta.sources;

    // Outlet first: the title's "| Site" suffix is recognised by it.
    set(
        &mut meta.outlet,
        &mut s.outlet,
        ld.publisher
            .clone()
            .map(|v| (v, "json-ld publisher".into())),
    );
    set(&mut meta.outlet, &mut s.outlet, tag(OUTLET_TAGS));

    let title_tag = doc
        .select_single("title")
        .nodes()
        .first()
        .map(|n| collapse(&n.text()))
        .filter(|t| !t.is_empty());
    let h1s: Vec<String> = doc
        .select("h1")
        .nodes()
        .iter()
        .map(|n| collapse(&n.text()))
        .filter(|t| !t.is_empty())
        .collect();
    set(
        &mut meta.title,
        &mut s.title,
        ld.headline.clone().map(|v| (v, "json-ld headline".into())),
    );
    set(&mut meta.title, &mut s.title, tag(TITLE_TAGS));
    if let Some(t) = &title_tag {
        set(
            &mut meta.title,
            &mut s.title,
            Some((
                title_from_title_tag(t, &h1s, meta.outlet.as_deref()),
                "<title>".into(),
            )),
        );
    }
    set(
        &mut meta.title,
        &mut s.title,
        h1s.first().map(|h| (h.clone(), "<h1>".into())),
    );
    meta.title = meta
        .title
        .take()
        .map(|t| strip_site_name(&collapse(&t), meta.outlet.as_deref()));

    let date = |v: Option<(String, String)>| v.and_then(|(v, k)| date_part(&v).map(|d| (d, k)));
    set(
        &mut meta.published,
        &mut s.published,
        date(
            ld.published
                .clone()
                .map(|v| (v, "json-ld datePublished".into())),
        ),
    );
    set(&mut meta.published, &mut s.published, date(tag(DATE_TAGS)));
    set(
        &mut meta.published,
        &mut s.published,
        date(time_element(doc)),
    );

    set(
        &mut meta.url,
        &mut s.url,
        attr_of(doc, "link[rel~=canonical]", "href").map(|v| (v, "link rel=canonical".into())),
    );
    set(&mut meta.url, &mut s.url, tag(&["og:url", "twitter:url"]));
    set(
        &mut meta.url,
        &mut s.url,
        ld.url.clone().map(|v| (v, "json-ld url".into())),
    );
    meta.url = meta.url.filter(|u| u.starts_with("http"));
    if meta.url.is_none() {
        s.url = None;
    }

    set(
        &mut meta.author,
        &mut s.author,
        ld.author.clone().map(|v| (v, "json-ld author".into())),
    );
    set(
        &mut meta.author,
        &mut s.author,
        tag(AUTHOR_TAGS).filter(|(v, _)| !v.starts_with("http")),
    );
    set(
        &mut meta.author,
        &mut s.author,
        text_of(doc, "[itemprop~=author] [itemprop=name], [rel~=author]")
            .map(|v| (v, "rel=author".into())),
    );

    set(
        &mut meta.language,
        &mut s.language,
        attr_of(doc, "html[lang]", "lang").map(|v| (v, "lang attribute".into())),
    );
    set(
        &mut meta.language,
        &mut s.language,
        tag(&["content-language", "og:locale"]).or(ld
            .language
            .clone()
            .map(|v| (v, "json-ld inLanguage".into()))),
    );
    if let Some(outlet) = &meta.outlet {
        meta.outlet = Some(collapse(outlet));
    } else if let Some(host) = meta.url.as_deref().and_then(host_of) {
        // Without a site name, the address still says whose page it is.
        meta.outlet = Some(host);
        meta.sources.outlet = Some("url host".into());
    }
    meta
}

/// The host of an http(s) address, without "www.": "https://www.example.org/a" gives
/// "example.org".
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (host.contains('.') && !host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Every `<meta>` as (key in lower case, content): `property`, `name`, `itemprop` and
/// `http-equiv` all name the key.
fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = node.attr(key) {
                // `property` may hold several keys: "og:title twitter:title".
                for k in k.split_whitespace() {
                    out.push((k.to_ascii_lowercase(), content.to_string()));
                }
            }
        }
    }
    out
}

/// What the page's article JSON-LD says.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

/// The first JSON-LD object of an article type (searched through arrays and `@graph`);
/// malformed scripts are skipped.
fn json_ld(doc: &Document) -> JsonLd {
    let mut out = JsonLd::default();
    for node in doc.select("script[type='application/ld+json']").nodes() {
        let text = node.text();
        let Ok(value) = serde_json::from_str::<Value>(unwrap_script(&text)) else {
            continue;
        };
        let mut found = None;
        find_article(&value, &mut found, 0);
        let Some(article) = found else { continue };
        let string = |key: &str| article.get(key).and_then(name_of);
        out.headline = string("headline").or_else(|| string("name"));
        out.published = string("datePublished").or_else(|| string("dateCreated"));
        out.author = article.get("author").and_then(name_of);
        out.publisher = article.get("publisher").and_then(name_of);
        out.url = string("url").or_else(|| {
            article
                .get("mainEntityOfPage")
                .and_then(|m| m.get("@id").or(Some(m)))
                .and_then(Value::as_str)
                .map(str::to_string)
        });
        out.language = string("inLanguage");
        break;
    }
    out
}

/// A script's JSON without the comment or CDATA wrapper some sites put around it
/// (`<!-- ... -->`, `<![CDATA[ ... ]]>`, `//<![CDATA[ ... //]]>`).
fn unwrap_script(text: &str) -> &str {
    let mut text = text.trim();
    for (open, close) in [
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
        ("<!--", "-->"),
    ] {
        text = text.strip_prefix(open).unwrap_or(text).trim_start();
        text = text.strip_suffix(close).unwrap_or(text).trim_end();
    }
    text
}

fn find_article<'a>(value: &'a Value, found: &mut Option<&'a Value>, depth: usize) {
    if found.is_some() || depth > 6 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| find_article(v, found, depth + 1)),
        Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if is_article {
                *found = Some(value);
                return;
            }
            if let Some(graph) = o.get("@graph") {
                find_article(graph, found, depth + 1);
            }
        }
        _ => {}
    }
}

/// A JSON-LD value as a name: a string, an object's `name`, or the first of a list of them.
fn name_of(v: &Value) -> Option<String> {
    let name = match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(name_of),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }?;
    let name = collapse(&name);
    (!name.is_empty()).then_some(name)
}

/// The publication time the page marks up: `itemprop=datePublished` first, then a `<time>`
/// marked `pubdate`, then the first `<time datetime>` inside the article.
fn time_element(doc: &Document) -> Option<(String, String)> {
    for (selector, attr, source) in [
        (
            "[itemprop~=datePublished]",
            "datetime",
            "itemprop datePublished",
        ),
        (
            "[itemprop~=datePublished]",
            "content",
            "itemprop datePublished",
        ),
        ("time[pubdate][datetime]", "datetime", "<time pubdate>"),
        ("article time[datetime]", "datetime", "<time datetime>"),
    ] {
        if let Some(v) = attr_of(doc, selector, attr) {
            return Some((v, source.into()));
        }
    }
    None
}

/// The first non-empty value of `attr` on an element matching `selector`.
fn attr_of(doc: &Document, selector: &str, attr: &str) -> Option<String> {
    let selection = doc.try_select(selector)?;
    selection
        .nodes()
        .iter()
        .filter_map(|n: &NodeRef| n.attr(attr))
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
}

/// The text of the first element matching `selector` that has some, when it is short enough
/// to be a name.
fn text_of(doc: &Document, selector: &str) -> Option<String> {
    let selection = doc.try_select(selector)?;
    selection
        .nodes()
        .iter()
        .map(|n| collapse(&n.text()))
        .find(|t| !t.is_empty())
        .filter(|t| t.split_whitespace().count() <= 6)
}

/// Whitespace runs as one space, trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A `<title>` as the article's title: without the outlet's name; the page's one `<h1>` when
/// the title is that headline or a shortening of it; otherwise the part before its last
/// separator when that part is a real title (three words or more), as reader modes do.
fn title_from_title_tag(title: &str, h1s: &[String], outlet: Option<&str>) -> String {
    let title = strip_site_name(title, outlet);
    // The article's own <h1>, when the <title> is it or a shortening of it.
    if let [h1] = h1s
        && h1.split_whitespace().count() >= 3
    {
        let (t, h) = (plain_words(&title), plain_words(h1));
        if !t.is_empty() && (t.contains(&h) || h.contains(&t)) {
            return h1.clone();
        }
    }
    let cut = SEPARATORS.iter().filter_map(|sep| title.rfind(sep)).max();
    if let Some(cut) = cut {
        let head = title[..cut].trim();
        if head.split_whitespace().count() >= 3 {
            return head.to_string();
        }
    }
    title
}

/// Lower-case words of letters and digits, one space apart: titles compared across markup.
fn plain_words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Drops a leading or trailing "Site |" / "| Site" part that names the outlet or repeats the end
/// of the page's `<title>` ("Port strike ends | Harbor Times").
fn strip_site_name(title: &str, outlet: Option<&str>) -> String {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let is_site = |part: &str| {
        let p = norm(part);
        !p.is_empty()
            && outlet.is_some_and(|o| {
                let o = norm(o);
                !o.is_empty() && (p == o || (p.len() >= 3 && (o.contains(&p) || p.contains(&o))))
            })
    };
    for sep in SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if is_site(tail) && head.split_whitespace().count() >= 2 {
                return strip_site_name(head.trim(), outlet);
            }
        }
        if let Some(i) = title.find(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            if is_site(head) && tail.split_whitespace().count() >= 2 {
                return strip_site_name(tail.trim(), outlet);
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_data_wins_and_says_so() {
        let doc = Document::from(
            r#"<html lang="en-GB"><head><title>Port strike ends | Harbor Times</title>
            <meta property="og:title" content="Port Strike Ends | Harbor Times">
            <meta property="og:site_name" content="Harbor Times">
            <meta name="author" content="Ann Lee">
            <link rel="canonical" href="https://harbor.example/strike">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Harbor Times"},
              {"@type":"NewsArticle","headline":"Port strike ends after nine days",
               "datePublished":"2023-05-02T08:00:00+02:00","author":[{"@type":"Person","name":"Ann Lee"}],
               "publisher":{"@type":"Organization","name":"Harbor Times"}}]}</script>
            </head><body><h1>Port strike ends after nine days</h1></body></html>"#,
        );
        let m = read(&doc);
        assert_eq!(m.title.as_deref(), Some("Port strike ends after nine days"));
        assert_eq!(m.sources.title.as_deref(), Some("json-ld headline"));
        assert_eq!(m.published.as_deref(), Some("2023-05-02"));
        assert_eq!(
            m.sources.published.as_deref(),
            Some("json-ld datePublished")
        );
        assert_eq!(m.outlet.as_deref(), Some("Harbor Times"));
        assert_eq!(m.url.as_deref(), Some("https://harbor.example/strike"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn the_host_names_a_page_without_a_site_name() {
        assert_eq!(
            host_of("https://www.Example.org:8080/a?b").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            host_of("http://blog.example.net").as_deref(),
            Some("blog.example.net")
        );
        assert_eq!(host_of("http://localhost/x"), None);
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn wrapped_json_ld_is_read() {
        assert_eq!(
            unwrap_script("\n <![CDATA[\n {\"a\":1}\n ]]>\n"),
            "{\"a\":1}"
        );
        assert_eq!(unwrap_script("<!-- {\"a\":1} -->"), "{\"a\":1}");
        assert_eq!(unwrap_script("//<![CDATA[\n[1]\n//]]>"), "[1]");
    }

    #[test]
    fn the_site_name_leaves_the_title() {
        assert_eq!(
            strip_site_name("Port Strike Ends | Harbor Times", Some("Harbor Times"),),
            "Port Strike Ends"
        );
        assert_eq!(
            strip_site_name("HARBOR TIMES - Port Strike Ends", Some("Harbor Times"),),
            "Port Strike Ends"
        );
        assert_eq!(
            strip_site_name("Port Strike Ends: What Next", Some("Harbor Times")),
            "Port Strike Ends: What Next"
        );
        assert_eq!(
            title_from_title_tag("Port strike ends after nine days - Harbor", &[], None),
            "Port strike ends after nine days"
        );
        let h1 = ["Dock Strike Ends After Nine Days".to_string()];
        assert_eq!(
            title_from_title_tag("Harbor Times | Dock strike ends", &h1, Some("Harbor Times")),
            "Dock Strike Ends After Nine Days"
        );
    }

    #[test]
    fn dates_from_markup_when_no_tag_has_one() {
        let doc = Document::from(
            r#"<html><body><article><h1>A</h1><time datetime="2021-12-31T10:00">Dec 31</time></article></body></html>"#,
        );
        let m = read(&doc);
        assert_eq!(m.published.as_deref(), Some("2021-12-31"));
        assert_eq!(m.sources.published.as_deref(), Some("<time datetime>"));
    }
}
