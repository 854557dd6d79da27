/* ra-account.h — one connection to a Nexthink instance (never its secret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ra-types.h"

G_BEGIN_DECLS

#define RA_TYPE_ACCOUNT (ra_account_get_type ())
G_DECLARE_FINAL_TYPE (RaAccount, ra_account, RA, ACCOUNT, GObject)

/* A new account with a freshly generated UUID as its id. */
RaAccount           *ra_account_new                    (void);
/* An account with a known id, e.g. read back from disk. */
RaAccount           *ra_account_new_with_id            (const char          *id);
/* A copy with the same id, for editing without touching the original. */
RaAccount           *ra_account_copy                   (RaAccount           *self);
/* Copies every field except the id from other. */
void                 ra_account_assign                 (RaAccount           *self,
                                                        RaAccount           *other);

const char          *ra_account_get_id                 (RaAccount           *self);
const char          *ra_account_get_display_name       (RaAccount           *self);
void                 ra_account_set_display_name       (RaAccount           *self,
                                                        const char          *display_name);
/* The display name, or "<instance> (<region>)" when it is empty. */
char                *ra_account_dup_title              (RaAccount           *self);
const char          *ra_account_get_instance           (RaAccount           *self);
void                 ra_account_set_instance           (RaAccount           *self,
                                                        const char          *instance);
const char          *ra_account_get_region             (RaAccount           *self);
void                 ra_account_set_region             (RaAccount           *self,
                                                        const char          *region);
const char          *ra_account_get_client_id          (RaAccount           *self);
void                 ra_account_set_client_id          (RaAccount           *self,
                                                        const char          *client_id);
RaTokenEndpointKind  ra_account_get_token_endpoint_kind (RaAccount          *self);
void                 ra_account_set_token_endpoint_kind (RaAccount          *self,
                                                        RaTokenEndpointKind  kind);
/* NULL or "" means the documented Nexthink hosts. */
const char          *ra_account_get_base_url_override  (RaAccount           *self);
void                 ra_account_set_base_url_override  (RaAccount           *self,
                                                        const char          *base_url);

/* Where the login service (the OAuth token endpoint) is, for a proxy or
 * the simulator; NULL or "" means the Nexthink host, or the base URL
 * override when only that is set. */
const char          *ra_account_get_login_url_override (RaAccount           *self);
void                 ra_account_set_login_url_override (RaAccount           *self,
                                                        const char          *login_url);
/* The endpoint an AUTO account last got a token from, tried first next
 * time; AUTO when none is known. Changing the instance, region or an
 * override forgets it: another host may answer otherwise. */
RaTokenEndpointKind  ra_account_get_token_endpoint_used (RaAccount          *self);
void                 ra_account_set_token_endpoint_used (RaAccount          *self,
                                                        RaTokenEndpointKind  kind);
/* The IDs of the NQL queries defined in this account's Nexthink admin
 * (see ra-nql-queries.h): the one that reports what happened on each
 * device of a run (parameter $request_id) and the one that finds devices
 * by name (parameter $device_name). Empty when none is set up, never
 * NULL; the setters strip surrounding blanks, and
 * ra_account_validate_queries () checks the syntax. */
const char          *ra_account_get_results_query_id   (RaAccount           *self);
void                 ra_account_set_results_query_id   (RaAccount           *self,
                                                        const char          *query_id);
const char          *ra_account_get_lookup_query_id    (RaAccount           *self);
void                 ra_account_set_lookup_query_id    (RaAccount           *self,
                                                        const char          *query_id);
/* Whether the two send credentials to the same hosts: same instance,
 * region and overrides. A stored secret is bound to these. */
gboolean             ra_account_same_hosts             (RaAccount           *self,
                                                        RaAccount           *other);

/* Checks every field with the endpoint rules (instance, region, base URL),
 * that a client ID is present, and the query IDs. */
gboolean             ra_account_validate               (RaAccount           *self,
                                                        GError             **error);
/* Checks that each query ID is empty or of the NQL API's pattern; the
 * error names the query. */
gboolean             ra_account_validate_queries       (RaAccount           *self,
                                                        GError             **error);
/* The endpoint this account talks to. */
RaEndpoint          *ra_account_create_endpoint        (RaAccount           *self,
                                                        GError             **error);
/* A client for this account's endpoint with its client ID, secret and
 * token endpoint kind; NULL when the endpoint cannot be made. The one
 * place that turns an account into a client. */
RaClient            *ra_account_create_client          (RaAccount           *self,
                                                        const char          *secret,
                                                        GError             **error);

G_END_DECLS
