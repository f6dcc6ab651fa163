//! `frist-entry`: the first module the browser downloads — the login page,
//! or the loader of the signed-in app (see `frist_app::entry`).

fn main() {
    frist_app::entry::start();
}
