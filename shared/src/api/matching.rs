//! Finding the route for a request's method and path.

use super::{ROUTES, RouteSpec};

/// A matched route and its path parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteMatch<'a> {
    /// The route.
    pub spec: &'static RouteSpec,
    /// Each `:name` of its path with the segment it matched, in order.
    pub params: Vec<(&'static str, &'a str)>,
}

impl RouteMatch<'_> {
    /// A path parameter by name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }
}

/// Why no route matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoRoute {
    /// No route has this path.
    NotFound,
    /// The path exists with other methods.
    MethodNotAllowed {
        /// The methods the path has, in table order.
        allowed: Vec<&'static str>,
    },
}

/// Finds the route for `method` and `path`.
pub fn find_route<'a>(method: &str, path: &'a str) -> Result<RouteMatch<'a>, NoRoute> {
    let mut allowed = Vec::new();
    for spec in ROUTES {
        let Some(params) = match_path(spec.path, path) else {
            continue;
        };
        if spec.method == method {
            return Ok(RouteMatch { spec, params });
        }
        allowed.push(spec.method);
    }
    if allowed.is_empty() {
        Err(NoRoute::NotFound)
    } else {
        Err(NoRoute::MethodNotAllowed { allowed })
    }
}

fn match_path<'a>(pattern: &'static str, path: &'a str) -> Option<Vec<(&'static str, &'a str)>> {
    let mut params = Vec::new();
    let mut want = pattern.split('/');
    let mut got = path.strip_suffix('/').unwrap_or(path).split('/');
    loop {
        match (want.next(), got.next()) {
            (None, None) => return Some(params),
            (Some(w), Some(g)) => {
                if let Some(name) = w.strip_prefix(':') {
                    if g.is_empty() {
                        return None;
                    }
                    params.push((name, g));
                } else if w != g {
                    return None;
                }
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::RouteId;

    #[test]
    fn routes_match_with_parameters_and_say_which_methods_exist() {
        let m = find_route("GET", "/api/v1/users/u_abc").unwrap();
        assert_eq!(m.spec.id, RouteId::UserGet);
        assert_eq!(m.param("id"), Some("u_abc"));
        assert_eq!(
            find_route("GET", "/api/v1/users/").unwrap().spec.id,
            RouteId::UserList
        );
        assert_eq!(
            find_route("GET", "/api/v1/users/a/b"),
            Err(NoRoute::NotFound)
        );
        assert_eq!(
            find_route("PUT", "/api/v1/session"),
            Err(NoRoute::MethodNotAllowed {
                allowed: vec!["POST", "GET", "DELETE"]
            })
        );
    }
}
