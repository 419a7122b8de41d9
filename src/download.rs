//! Triggers a browser download of text or bytes built in the app, or of a chart
//! rasterised to PNG (no network involved).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url,
};

/// PNG pixels per SVG unit, so downloaded charts stay sharp on slides.
const PNG_SCALE: f64 = 2.0;

/// Offers `content` as a file named `file_name`.
pub fn download_text(file_name: &str, mime: &str, content: &str) {
    if let Some(url) = text_url(mime, content) {
        download_url(file_name, url);
    }
}

/// Offers binary `bytes` (a workbook) as a file named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) {
    download_js_bytes(file_name, mime, &js_sys::Uint8Array::from(bytes));
}

thread_local! {
    /// The pieces of a download still coming from the worker, in order.
    static PIECES: std::cell::RefCell<Vec<Blob>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps a piece of a download still coming from the worker. It becomes a
/// Blob at once, so the browser holds it and the message's bytes can go.
pub fn keep_download_piece(bytes: &js_sys::Uint8Array) {
    if let Ok(piece) = Blob::new_with_u8_array_sequence(&js_sys::Array::of1(bytes)) {
        PIECES.with(|p| p.borrow_mut().push(piece));
    }
}

/// Forgets the pieces kept (the download they began failed).
pub fn drop_download_pieces() {
    PIECES.with(|p| p.borrow_mut().clear());
}

/// Offers the pieces kept followed by `bytes`, which are already the
/// browser's (a download's content as the worker sent it), as a file named
/// `file_name`, without copying them into the app's memory.
pub fn download_js_bytes(file_name: &str, mime: &str, bytes: &js_sys::Uint8Array) {
    let parts: js_sys::Array = PIECES.with(|p| p.borrow_mut().drain(..).collect());
    parts.push(bytes);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let url = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .ok()
        .and_then(|blob| Url::create_object_url_with_blob(&blob).ok());
    if let Some(url) = url {
        download_url(file_name, url);
    }
}

/// Offers a chart's SVG as a PNG on a white background, drawn through an
/// image and a canvas in the page.
pub fn download_png(file_name: &str, svg: &str) {
    let (width, height) = view_box_size(svg).unwrap_or((640.0, 360.0));
    let (Some(url), Some(document)) = (
        text_url("image/svg+xml", svg),
        web_sys::window().and_then(|w| w.document()),
    ) else {
        return;
    };
    let Ok(image) = HtmlImageElement::new() else {
        return;
    };
    let canvas = document
        .create_element("canvas")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok());
    let Some(canvas) = canvas else {
        return;
    };
    let file_name = file_name.to_string();
    let drawn = image.clone();
    let svg_url = url.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&svg_url);
        canvas.set_width((width * PNG_SCALE) as u32);
        canvas.set_height((height * PNG_SCALE) as u32);
        let context = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
        let Some(context) = context else {
            return;
        };
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, width * PNG_SCALE, height * PNG_SCALE);
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &drawn,
            0.0,
            0.0,
            width * PNG_SCALE,
            height * PNG_SCALE,
        );
        if let Ok(png) = canvas.to_data_url_with_type("image/png") {
            download_url(&file_name, png);
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
}

/// The width and height of an SVG's `viewBox="0 0 W H"`.
fn view_box_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("viewBox=\"")? + "viewBox=\"".len();
    let end = start + svg[start..].find('"')?;
    let numbers: Vec<f64> = svg[start..end]
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match numbers.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((*w, *h)),
        _ => None,
    }
}

/// A blob URL holding `content`.
fn text_url(mime: &str, content: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

/// Clicks a download link to `url`, then releases a blob URL a minute later.
fn download_url(file_name: &str, url: String) {
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(anchor) = document
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    // Revoke later: the download reads the blob after this function returns.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
}
