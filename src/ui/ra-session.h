/* ra-session.h — which instance the app talks to: the account in use,
 * its client, the demo instance, the connection state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ra-history.h"
#include "ra-types.h"

G_BEGIN_DECLS

typedef enum
{
  RA_SESSION_STATE_DISCONNECTED,
  RA_SESSION_STATE_CONNECTING,
  RA_SESSION_STATE_CONNECTED,
} RaSessionState;

/* What RaSession::failed reports. Each error's message says why, for
 * the user. */
typedef enum
{
  /* The account's client secret could not be read, or none is stored:
   * entering it again (editing the account) connects. */
  RA_SESSION_ERROR_SECRET,
  /* The account's settings do not make an endpoint. */
  RA_SESSION_ERROR_ACCOUNT,
  /* The demo instance could not be started. */
  RA_SESSION_ERROR_DEMO,
} RaSessionError;

#define RA_SESSION_ERROR (ra_session_error_quark ())
GQuark ra_session_error_quark (void);

#define RA_TYPE_SESSION_STATE (ra_session_state_get_type ())
GType ra_session_state_get_type (void);

#define RA_TYPE_SESSION (ra_session_get_type ())
G_DECLARE_FINAL_TYPE (RaSession, ra_session, RA, SESSION, GObject)

/* Not a widget: windows, pages and dialogs observe its properties
 * ("client", "demo", "account", "connecting-account", "state",
 * "stalled", "title", "results-query-id", "lookup-query-id"), which change only through the calls below. The
 * last account connected to is kept in settings ("last-account").
 * ::failed (RaAccount *account, NULL for the demo; GError *error in
 * RA_SESSION_ERROR) tells of a connection that did not come about. */
RaSession        *ra_session_new                    (RaAccountManager *manager,
                                                     RaSecretStore    *store,
                                                     GSettings        *settings);

RaAccountManager *ra_session_get_account_manager    (RaSession        *self);
/* Where every run made from the app is recorded. */
RaHistory        *ra_session_get_history            (RaSession        *self);
RaSecretStore    *ra_session_get_secret_store       (RaSession        *self);
RaSessionState    ra_session_get_state              (RaSession        *self);
/* The client to talk through; NULL unless connected. */
RaClient         *ra_session_get_client             (RaSession        *self);
/* The account connected to; NULL for none or the demo. */
RaAccount        *ra_session_get_account            (RaSession        *self);
/* The account whose secret is being read; NULL unless connecting. */
RaAccount        *ra_session_get_connecting_account (RaSession        *self);
/* Whether the client is the built-in demo instance's. */
gboolean          ra_session_get_demo               (RaSession        *self);
/* Connecting has taken long enough (the keyring may never answer) for a
 * way forward to be offered; the lookup goes on. */
gboolean          ra_session_get_stalled            (RaSession        *self);
/* What the header names: the account connected or being connected to,
 * "Demo Instance", or NULL. */
const char       *ra_session_get_title              (RaSession        *self);

/* The IDs of the NQL queries to ask for the connection in use: the
 * account's (ra_account_get_results_query_id (),
 * ra_account_get_lookup_query_id ()), or the demo instance's, which has
 * both. NULL when none is set up or nothing is connected. Each is a
 * property ("results-query-id", "lookup-query-id") that changes with the
 * connection and when the account is edited. */
const char       *ra_session_get_results_query_id   (RaSession        *self);
const char       *ra_session_get_lookup_query_id    (RaSession        *self);

/* demo: the built-in demo instance. Otherwise the last account used (its
 * secret read from the keyring), if there is one. */
void              ra_session_start                  (RaSession        *self,
                                                     gboolean          demo);
/* Drops the connection in use and connects to account. */
void              ra_session_connect_account        (RaSession        *self,
                                                     RaAccount        *account);
/* Drops the connection in use and connects to the demo instance, started
 * on first use and kept for the next visit. */
void              ra_session_connect_demo           (RaSession        *self);
/* Drops the connection (its access token goes with it); the next start
 * still comes back to the account. */
void              ra_session_disconnect             (RaSession        *self);
/* Disconnects, and the next start does not connect by itself. */
void              ra_session_sign_out               (RaSession        *self);
/* Before account is removed: signs out when it is in use, and the next
 * start no longer looks for it. */
void              ra_session_forget_account         (RaSession        *self,
                                                     RaAccount        *account);

G_END_DECLS
