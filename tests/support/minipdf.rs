//! A tiny PDF writer for tests and benchmarks: pages of text in Helvetica, pages
//! with only an image (a "scan"), and the hostile files built from them. Small on
//! purpose: it writes just what a reader needs (catalogue, page tree, font, one
//! content stream per page, cross-reference table).
#![allow(dead_code)] // Each test binary uses part of it.

use std::fmt::Write as _;

/// A PDF with one page per entry of `pages`, each line of text set in 11 pt
/// Helvetica from the top of an A4 page, 14 pt apart.
pub fn text_pdf(pages: &[Vec<String>]) -> Vec<u8> {
    let contents: Vec<Vec<u8>> = pages
        .iter()
        .map(|lines| {
            let mut s = String::from("BT /F1 11 Tf 14 TL 72 770 Td\n");
            for line in lines {
                let _ = writeln!(s, "({}) Tj T*", escape(line));
            }
            s.push_str("ET\n");
            s.into_bytes()
        })
        .collect();
    build(&contents, false)
}

/// A PDF whose pages only draw an image: what a scanner makes, no text layer.
pub fn image_only_pdf(pages: usize) -> Vec<u8> {
    let content = b"q 500 0 0 700 50 50 cm /Im1 Do Q\n".to_vec();
    build(&vec![content; pages], true)
}

/// `pages` pages of made-up report text, `lines` lines each, with a running header
/// and a page number.
pub fn report_pages(pages: usize, lines: usize) -> Vec<Vec<String>> {
    const WORDS: [&str; 16] = [
        "the",
        "harbour",
        "authority",
        "reported",
        "that",
        "traffic",
        "fell",
        "by",
        "a",
        "third",
        "during",
        "2023",
        "while",
        "rival",
        "ports",
        "grew",
    ];
    (0..pages)
        .map(|p| {
            let mut page = vec!["Harbour Authority Annual Report".to_owned(), String::new()];
            for l in 0..lines {
                let words: Vec<&str> = (0..12).map(|w| WORDS[(p * 7 + l * 3 + w) % 16]).collect();
                let mut line = words.join(" ");
                if l % 8 == 7 {
                    line.push('.');
                }
                page.push(line);
            }
            page.push(String::new());
            page.push(format!("{}", p + 1));
            page
        })
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

fn build(contents: &[Vec<u8>], with_image: bool) -> Vec<u8> {
    let n = contents.len();
    // Objects: 1 catalogue, 2 page tree, 3 font, 4 image, then page and content per page.
    let mut objects: Vec<Vec<u8>> = Vec::with_capacity(4 + 2 * n);
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
    objects.push(format!("<< /Type /Pages /Count {n} /Kids [{}] >>", kids.join(" ")).into_bytes());
    objects.push(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    );
    let mut image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n".to_vec();
    image.extend_from_slice(&[0, 255, 255, 0]);
    image.extend_from_slice(b"\nendstream");
    objects.push(image);
    for (i, content) in contents.iter().enumerate() {
        let resources = if with_image {
            "/XObject << /Im1 4 0 R >>"
        } else {
            "/Font << /F1 3 0 R >>"
        };
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> /Contents {} 0 R >>",
                6 + 2 * i
            )
            .into_bytes(),
        );
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(content);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for off in offsets {
        let _ = writeln!(table, "{off:010} 00000 n ");
    }
    out.extend_from_slice(table.as_bytes());
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
