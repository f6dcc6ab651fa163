//! `frist-app`: the signed-in app, loaded by the entry module once the edge
//! says someone is signed in (see `frist_app::entry`).

fn main() {
    frist_app::entry::start_app();
}
