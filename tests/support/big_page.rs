//! A generated web page of about 5 MB for the import benchmark: a long article
//! inside navigation, a sidebar of comments and a footer.

/// A page of about 5 MB: boilerplate around a long article.
pub fn big_page() -> Vec<u8> {
    let mut page = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A long report | Example News</title>\
         <meta property=\"og:site_name\" content=\"Example News\"><script>var config = {\"a\": 1};</script>\
         <style>body { font-family: serif }</style></head><body>",
    );
    page.push_str("<nav><ul>");
    for i in 0..200 {
        page.push_str(&format!(
            "<li><a href=\"/section/{i}\">Section {i}</a></li>"
        ));
    }
    page.push_str("</ul></nav><main><article><h1>A long report</h1>");
    let mut i = 0;
    while page.len() < 4_600_000 {
        if i % 20 == 0 {
            page.push_str(&format!("<h2>Part {}</h2>", i / 20));
        }
        page.push_str(&format!(
            "<p>Paragraph {i}: the harbour authority reported that container traffic fell by a third in 2023, \
             while the rival port across the bay <a href=\"/x/{i}\">reported record volumes</a>; analysts said the \
             figures were not comparable because of a change in how transhipment is counted, and the ministry \
             declined to comment on the difference between the two sets of numbers published this week.</p>"
        ));
        i += 1;
    }
    page.push_str("</article><aside>");
    while page.len() < 5_000_000 {
        page.push_str("<div class=\"comment\"><p>A reader's comment that is not part of the article.</p><button>Reply</button></div>");
    }
    page.push_str("</aside></main><footer>© Example News</footer></body></html>");
    page.into_bytes()
}
