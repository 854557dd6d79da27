/* ra-client-test.h — a simulator, an endpoint and a client for each test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ra-client-private.h"
#include "ra-endpoint.h"
#include "ra-error.h"
#include "ra-execution-request.h"
#include "ra-execution-result.h"
#include "ra-nql-result.h"
#include "ra-remote-action.h"
#include "ra-clock.h"
#include "ra-simulator.h"
#include "ra-test-common.h"

G_BEGIN_DECLS

#define LIST_PATH    "/api/v1/act/remote-action"
#define DETAILS_PATH "/api/v1/act/remote-action/details"
#define EXECUTE_PATH "/api/v1/act/execute"
#define NQL_PATH     "/api/v2/nql/execute"
/* The client asks the login service first, and the realistic simulator
 * has retired the legacy endpoint. */
#define TOKEN_PATH   "/oauth2/default/v1/token"
#define LEGACY_TOKEN_PATH "/api/v1/token"

typedef struct
{
  RaSimulator *sim;
  RaEndpoint  *endpoint;
  RaClient    *client;
  RaClock     *clock;      /* manual, once fixture_use_manual_clock() made it */
  GPtrArray   *snapshot;   /* of the simulator's log, for last_request() */
} Fixture;

void                fixture_set_up    (Fixture       *fixture,
                                       gconstpointer  user_data);
void                fixture_tear_down (Fixture       *fixture,
                                       gconstpointer  user_data);

/* Every error a user may see: the right code, a sentence, no secrets. */
void                assert_error      (Fixture       *fixture,
                                       const GError  *error,
                                       GQuark         domain,
                                       int            code);

/* Each call, waited for (bounded). */
GListModel         *list_actions      (RaClient      *client,
                                       RaFilter       windows,
                                       RaFilter       macos,
                                       GCancellable  *cancellable,
                                       GError       **error);
RaRemoteAction     *get_action        (RaClient      *client,
                                       const char    *nql_id,
                                       GError       **error);
RaExecutionResult  *execute           (RaClient            *client,
                                       RaExecutionRequest  *request,
                                       GError             **error);
RaNqlResult        *nql_execute       (RaClient      *client,
                                       const char    *query_id,
                                       GHashTable    *parameters,
                                       GError       **error);

/* The latest logged request to path; valid until the next call. */
RaSimRequest       *last_request      (Fixture       *fixture,
                                       const char    *path);
/* The NQL ID of a catalogue action that is (or is not) API-enabled. */
char               *find_action_id    (Fixture       *fixture,
                                       gboolean       api_enabled);
/* A request for n_devices random devices. */
RaExecutionRequest *new_request       (const char    *action_id,
                                       guint          n_devices);

/* A manual clock that the client (its retry waits, its token provider)
 * and the simulator all read, so tests move time instead of waiting for
 * it. Returns a new reference; the fixture keeps one too. */
RaClock            *fixture_use_manual_clock (Fixture *fixture);

/* Waits (bounded) until the client waits on clock for something shorter
 * than an exchange's deadline (which is timed on the clock too): a
 * Retry-After. Returns how long that wait is, in µs. */
gint64              wait_for_client_wait      (RaClock       *clock);

/* Waits (bounded) for *slot like ra_test_wait_for_result (), but each
 * time the client starts a wait on the fixture's manual clock (a
 * Retry-After), moves the clock to its end, as if that time had passed. */
GAsyncResult       *wait_for_result_advancing (Fixture       *fixture,
                                               GAsyncResult **slot);

/* The simulator counts n requests to method and path, and no more come:
 * the client waits on the fixture's manual clock for nothing shorter than
 * an exchange's deadline (a wait is the only way it sends anything later),
 * the clock moves on an hour, and a list request sent after that comes
 * back with still n counted. */
void                assert_no_more_requests   (Fixture       *fixture,
                                               const char    *method,
                                               const char    *path,
                                               guint          n);

G_END_DECLS
