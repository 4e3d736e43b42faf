//! A small HTTP server on 127.0.0.1 for the link tests (library and app): nothing in
//! the tests touches the internet. Each test file supplies its own routes; the
//! server reads the request, hands the path to the route, and closes.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

/// A news page with boilerplate around a three-paragraph article and its metadata
/// (title, site, author, date): what most routes serve.
pub const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Port traffic fell by a third | Harbour News</title>
<meta property="og:site_name" content="Harbour News">
<meta name="author" content="Sam Reed">
<meta property="article:published_time" content="2024-02-03T08:00:00Z">
</head><body><nav>Home · World · Sport</nav><article><h1>Port traffic fell by a third</h1>
<p>Container traffic through the port fell by a third last year, the harbour authority said on Monday, blaming the closure of the northern shipping lane.</p>
<p>The authority's annual report shows 1.2 million containers handled in 2023, against 1.8 million the year before. Officials said traffic would recover once dredging is finished.</p>
<p>Shipping companies have moved some routes to the rival port across the bay, which reported record volumes for the same period.</p>
</article><footer>© Harbour News</footer></body></html>"#;

/// What a test's routes do with one request: the full path (with its query) and the
/// connection to answer on.
pub type Route = fn(path: &str, stream: &mut TcpStream);

/// Starts a server on a free port of 127.0.0.1 and returns its base address
/// (`http://127.0.0.1:PORT`). Each connection is served on its own thread, so a
/// route that never answers does not hold up the others; the listener stops after
/// `max_connections` connections.
pub fn serve(max_connections: usize, route: Route) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
    let addr = listener.local_addr().expect("the listener's address");
    std::thread::spawn(move || {
        for stream in listener.incoming().take(max_connections) {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                if let Some(path) = read_request(&stream) {
                    route(&path, &mut stream);
                }
            });
        }
    });
    format!("http://{addr}")
}

/// Reads the request line and headers; returns the requested path.
fn read_request(stream: &TcpStream) -> Option<String> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut request = String::new();
    reader.read_line(&mut request).ok()?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
            break;
        }
    }
    Some(request.split_whitespace().nth(1).unwrap_or("/").to_owned())
}

/// Answers with `status` (such as `"200 OK"`), the given headers, an honest
/// Content-Length and `body`, then lets the connection close.
pub fn respond(stream: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    // The client may have gone (a cancelled fetch): nothing to do about it here.
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
}
