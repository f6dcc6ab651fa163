//! Claims control: a doctor's monthly sums for the peer comparison.

use gloo_net::http::Request;

use super::client::{ApiError, get, send_json};

/// CTRL-9: a month's sums per doctor, replacing the last ones sent; the
/// answer is the comparison with the municipality's size class.
pub async fn put_kontroll_month(
    month: &str,
    upload: &frist_domain::kontroll::MonthUpload,
) -> Result<frist_domain::kontroll::PeerView, ApiError> {
    send_json(
        Request::put(&format!("/api/v1/kontroll/months/{month}")),
        upload,
    )
    .await
}

/// CTRL-9: the comparison for a month against `peers`.
pub async fn kontroll_month(
    month: &str,
    peers: frist_domain::kontroll::PeerGroup,
) -> Result<frist_domain::kontroll::PeerView, ApiError> {
    let peers: &str = peers.into();
    get(&format!("/api/v1/kontroll/months/{month}?peers={peers}")).await
}
