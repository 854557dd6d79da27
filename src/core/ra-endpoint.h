/* ra-endpoint.h — instance + region → API and token URLs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_ENDPOINT (ra_endpoint_get_type ())
G_DECLARE_FINAL_TYPE (RaEndpoint, ra_endpoint, RA, ENDPOINT, GObject)

/* The four documented regions, in display order. NULL-terminated. */
const char * const *ra_endpoint_get_regions            (void);
/* A DNS label: [a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?. Upper case is refused,
 * not folded, so that what is stored is what was typed. */
gboolean            ra_endpoint_validate_instance      (const char  *instance,
                                                        GError     **error);
gboolean            ra_endpoint_validate_region        (const char  *region,
                                                        GError     **error);
/* Reads an instance and region out of a Nexthink address as people copy
 * it: the web console's (acme.eu.nexthink.cloud), the API's
 * (acme.api.eu.nexthink.cloud) or the login service's
 * (acme-login.eu.nexthink.cloud) host, with or without https:// and a
 * path. FALSE, and nothing set, for anything else, or when the instance
 * or region it names is not valid. Upper-case host names are folded, as
 * DNS does. */
gboolean            ra_endpoint_parse_address          (const char  *text,
                                                        char       **instance,
                                                        char       **region);
/* https://…, or http:// to a loopback address only: localhost, 127.0.0.0/8
 * or ::1. No user name or password, query or fragment; a path is kept
 * (for proxies), a trailing slash dropped. */
gboolean            ra_endpoint_validate_base_url      (const char  *base_url,
                                                        GError     **error);

/* base_url_override may be NULL. With an override, the API and both token
 * endpoints live under that URL (/api/v1/token, /oauth2/default/v1/token). */
RaEndpoint         *ra_endpoint_new                    (const char  *instance,
                                                        const char  *region,
                                                        const char  *base_url_override,
                                                        GError     **error);
/* The same, and login_url_override (NULL or "": none) replaces the login
 * service's host: the OAuth token endpoint is then
 * <login_url_override>/oauth2/default/v1/token, whatever the API override.
 * It follows the rules of ra_endpoint_validate_base_url (). */
RaEndpoint         *ra_endpoint_new_full               (const char  *instance,
                                                        const char  *region,
                                                        const char  *base_url_override,
                                                        const char  *login_url_override,
                                                        GError     **error);
const char         *ra_endpoint_get_instance           (RaEndpoint  *self);
const char         *ra_endpoint_get_region             (RaEndpoint  *self);
const char         *ra_endpoint_get_base_url_override  (RaEndpoint  *self);
const char         *ra_endpoint_get_login_url_override (RaEndpoint  *self);
/* No trailing slash: "https://acme.api.eu.nexthink.cloud" */
const char         *ra_endpoint_get_api_base_url       (RaEndpoint  *self);
/* No trailing slash: "https://acme-login.eu.nexthink.cloud", or the
 * login override, or the API override when only that is set. */
const char         *ra_endpoint_get_login_base_url     (RaEndpoint  *self);
const char         *ra_endpoint_get_legacy_token_url   (RaEndpoint  *self);
const char         *ra_endpoint_get_oauth_token_url    (RaEndpoint  *self);
/* Joins the API base URL and an absolute path such as "/api/v1/act/execute". */
char               *ra_endpoint_build_api_url          (RaEndpoint  *self,
                                                        const char  *path);

G_END_DECLS
