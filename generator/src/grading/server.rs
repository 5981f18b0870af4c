//! `reviewroom grade`'s server: the grade page and its saves, on loopback only. A per-run
//! token in the page's path (printed once, never logged) keeps other local users and other
//! sites out; every request must name this server as its Host (no DNS rebinding), and a save
//! must come from the page's own origin with a JSON body (a cross-site form cannot send one
//! without a preflight this server never answers). Bad input is a 4xx naming its field.

use std::collections::BTreeMap;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use submit_fn::store::{Grade, ReviewStore};
use subtle::ConstantTimeEq;
use tera::Tera;
use tower_http::set_header::SetResponseHeaderLayer;

use super::Subject;
use super::sheet::validate;
use crate::export::collect::{self, ScenarioContext};
use crate::export::record::ExportRecord;

/// Largest save body: the API's limit.
const BODY_LIMIT: usize = submit_fn::api::extract::BODY_LIMIT;

/// What the server needs to render and save one grader's grade of one invite.
pub struct GradeServer {
    pub store: Arc<dyn ReviewStore>,
    pub invite: String,
    pub grader: String,
    /// The per-run secret in the page's path.
    pub token: String,
    /// `127.0.0.1:<port>`, the one Host accepted.
    pub host: String,
    pub tera: Tera,
    /// URL path -> (content type, bytes): the stylesheets and the page's script.
    pub files: Files,
    pub stylesheets: Vec<String>,
    pub context: ScenarioContext,
    pub scenario_hash: String,
    pub params: crate::scoring::Params,
}

/// A refusal in the API's shape: `{"error": {"code", "message", "field"?}}`.
fn refuse(status: StatusCode, code: &str, message: &str, field: Option<&str>) -> Response {
    let mut error = json!({"code": code, "message": message});
    if let Some(field) = field {
        error["field"] = json!(field);
    }
    (status, axum::Json(json!({ "error": error }))).into_response()
}

fn not_found() -> Response {
    refuse(StatusCode::NOT_FOUND, "not_found", "nothing here", None)
}

impl GradeServer {
    /// The page's address, token included.
    pub fn page_path(&self) -> String {
        format!("/grade/{}", self.token)
    }

    /// The record read against this run's scenario.
    fn subject<'a>(&'a self, record: &'a ExportRecord) -> Subject<'a> {
        Subject {
            record,
            context: &self.context,
        }
    }

    async fn record(&self) -> Result<ExportRecord, Response> {
        let internal = |e: &dyn std::fmt::Display| {
            tracing::error!(%e, "cannot read the invite");
            refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the store could not be read",
                None,
            )
        };
        let state = match self.store.load(&self.invite).await {
            Ok(Some(state)) => state,
            Ok(None) => {
                return Err(refuse(
                    StatusCode::NOT_FOUND,
                    "invite_not_found",
                    "the invite is gone",
                    None,
                ));
            }
            Err(e) => return Err(internal(&e)),
        };
        collect::record(
            &state,
            Some(&self.context),
            Some(&self.scenario_hash),
            &self.params,
        )
        .map_err(|e| internal(&e))
    }
}

/// The router: the page and its saves under `/grade/<token>`, the page's files, a JSON 404
/// for anything else; every answer `no-store` and unframeable.
pub fn router(server: Arc<GradeServer>) -> Router {
    let mut router = Router::new()
        .route("/grade/{token}", get(page).post(save))
        .route("/static/{name}", get(file))
        .route("/assets/{dir}/{name}", get(asset))
        .fallback(|| async { not_found() })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(server.clone(), guard))
        .with_state(server);
    for (name, value) in [
        ("cache-control", "no-store"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("content-security-policy", "frame-ancestors 'none'"),
    ] {
        router = router.layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        ));
    }
    router
}

/// Only this server's Host; a save only from its own origin, as JSON.
async fn guard(State(server): State<Arc<GradeServer>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if host != Some(server.host.as_str()) {
        return refuse(
            StatusCode::FORBIDDEN,
            "wrong_host",
            "this server answers only its own address",
            None,
        );
    }
    if request.method() == axum::http::Method::POST {
        let origin = headers.get(header::ORIGIN).and_then(|h| h.to_str().ok());
        if origin != Some(format!("http://{}", server.host).as_str()) {
            return refuse(
                StatusCode::FORBIDDEN,
                "cross_origin",
                "a grade is saved from its own page only",
                None,
            );
        }
        if !is_json(headers) {
            return refuse(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the grade as application/json",
                None,
            );
        }
    }
    next.run(request).await
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
}

/// The per-run token compared in constant time (subtle, as the API compares token hashes).
fn token_ok(server: &GradeServer, token: &str) -> bool {
    token.as_bytes().ct_eq(server.token.as_bytes()).into()
}

async fn page(State(server): State<Arc<GradeServer>>, Path(token): Path<String>) -> Response {
    if !token_ok(&server, &token) {
        return not_found();
    }
    let record = match server.record().await {
        Ok(record) => record,
        Err(refused) => return refused,
    };
    let subject = server.subject(&record);
    match super::page::render(
        &server.tera,
        server.stylesheets.clone(),
        &subject,
        &server.grader,
    ) {
        Ok(html) => Html(crate::printable::escape(&html).into_owned()).into_response(),
        Err(e) => {
            tracing::error!("{e:#}");
            refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the page could not be drawn",
                None,
            )
        }
    }
}

async fn save(
    State(server): State<Arc<GradeServer>>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    if !token_ok(&server, &token) {
        return not_found();
    }
    let Ok(value) = serde_json::from_slice::<Value>(&body) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "the body is not JSON",
            Some(""),
        );
    };
    let record = match server.record().await {
        Ok(record) => record,
        Err(refused) => return refused,
    };
    let subject = server.subject(&record);
    let sheet = match validate(&value, &subject) {
        Ok(sheet) => sheet,
        Err(invalid) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_grade",
                &invalid.message,
                Some(&invalid.field),
            );
        }
    };
    let Ok(sheet_text) = serde_json::to_string(&sheet) else {
        return refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the grade could not be written",
            None,
        );
    };
    let grade = Grade {
        grader: server.grader.clone(),
        review_id: record.review_id.clone(),
        sheet: sheet_text,
        saved_at: submit_fn::store::now(),
    };
    match server.store.save_grade(&server.invite, &grade).await {
        Ok(()) => {
            println!(
                "saved the grade of {} by {} ({})",
                server.invite, server.grader, grade.review_id
            );
            axum::Json(json!({
                "grader": grade.grader,
                "review_id": grade.review_id,
                "saved_at": submit_fn::store::rfc3339(grade.saved_at),
            }))
            .into_response()
        }
        Err(e) => {
            tracing::error!(%e, "cannot save the grade");
            refuse(
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "the grade could not be saved: try again",
                None,
            )
        }
    }
}

async fn file(State(server): State<Arc<GradeServer>>, Path(name): Path<String>) -> Response {
    serve_file(&server, &format!("/static/{name}"))
}

async fn asset(
    State(server): State<Arc<GradeServer>>,
    Path((dir, name)): Path<(String, String)>,
) -> Response {
    serve_file(&server, &format!("/assets/{dir}/{name}"))
}

fn serve_file(server: &GradeServer, path: &str) -> Response {
    match server.files.get(path) {
        Some((kind, bytes)) => ([(header::CONTENT_TYPE, *kind)], bytes.clone()).into_response(),
        None => not_found(),
    }
}

/// A fresh per-run token: 16 random bytes, lowercase hex.
pub fn run_token() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no OS randomness: {e}"))?;
    Ok(data_encoding::HEXLOWER.encode(&bytes))
}

/// The page's files by URL: content type and bytes.
pub type Files = BTreeMap<String, (&'static str, Vec<u8>)>;

/// The stylesheets of the candidate page (colours first) and the page's own files, by URL.
pub fn files(theme: &crate::render::Theme, syntax_css: &str) -> Result<(Vec<String>, Files)> {
    let assets = crate::render::theme::assets(theme, syntax_css);
    let mut stylesheets = assets.stylesheets();
    let mut files = BTreeMap::new();
    for url in &stylesheets {
        let relative = url.trim_start_matches('/');
        if let Some((_, bytes)) = assets.files.iter().find(|(p, _)| p == relative) {
            files.insert(url.clone(), ("text/css; charset=utf-8", bytes.clone()));
        }
    }
    for (logical, kind) in [
        (super::page::STYLE, "text/css; charset=utf-8"),
        (super::page::SCRIPT, "text/javascript; charset=utf-8"),
    ] {
        let bytes = theme
            .files
            .get(logical)
            .with_context(|| format!("the theme has no {logical}"))?;
        let url = format!("/static/{}", logical.trim_start_matches("grade/"));
        if kind.starts_with("text/css") {
            stylesheets.push(url.clone());
        }
        files.insert(url, (kind, bytes.clone()));
    }
    Ok((stylesheets, files))
}
