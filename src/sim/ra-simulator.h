/* ra-simulator.h — a Nexthink API simulator on loopback
 *
 * The app's built-in demo instance and the tests' server. It speaks the
 * documented API: the token endpoints (the login service on a listener of
 * its own in the realistic profile), the remote action list/details,
 * execute, NQL v2 execute, and the NQL export with its results files (on
 * a listener of their own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RA_SIM_DEFAULT_CLIENT_ID     "demo-client"
#define RA_SIM_DEFAULT_CLIENT_SECRET "demo-secret"

#define RA_TYPE_SIMULATOR (ra_simulator_get_type ())
G_DECLARE_FINAL_TYPE (RaSimulator, ra_simulator, RA, SIMULATOR, GObject)

/* One request as the simulator received it. Authorization is recorded as
 * "Basic <redacted>" / "Bearer <redacted>", never the credential itself,
 * and the client secret or an issued token anywhere else in the query,
 * headers or body is replaced by "<redacted>" too. */
typedef struct
{
  char        *method;
  char        *path;
  char        *query;      /* raw query string or NULL */
  GHashTable  *headers;    /* lower-case name → value */
  char        *body;       /* NUL-terminated, possibly empty */
  guint        status;     /* what the simulator answered; 0: dropped */
} RaSimRequest;

RaSimRequest      *ra_sim_request_copy                (const RaSimRequest *request);
void               ra_sim_request_free                (RaSimRequest   *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RaSimRequest, ra_sim_request_free)

typedef enum
{
  RA_SIM_BODY_NORMAL,
  RA_SIM_BODY_MALFORMED,   /* not JSON at all */
  RA_SIM_BODY_TRUNCATED,   /* valid JSON cut in the middle */
  RA_SIM_BODY_WRONG_TYPE,  /* JSON of the wrong shape (e.g. name is a number) */
  RA_SIM_BODY_OVERSIZED,   /* a body of ra_simulator_set_oversized_bytes () */
} RaSimBodyFault;

/* How real the simulator's answers are. REALISTIC (the default) is as
 * imperfect as a real instance: sparse and null members, a login service
 * on a host of its own, row limits, regional times. TIDY answers with every
 * member the official schema lists, on one host. */
typedef enum
{
  RA_SIM_PROFILE_REALISTIC,
  RA_SIM_PROFILE_TIDY,
} RaSimProfile;

/* What the legacy POST /api/v1/token answers. OFF (404, retired as on
 * current instances) is the realistic default, ON the tidy one. */
typedef enum
{
  RA_SIM_LEGACY_TOKEN_OFF,
  RA_SIM_LEGACY_TOKEN_ON,
  RA_SIM_LEGACY_TOKEN_UNAUTHORIZED,   /* 401 whatever the credentials */
} RaSimLegacyToken;

/* Where the simulator reads the wall clock: µs since the Unix epoch. Tests
 * hand it the same manual clock the client uses. */
typedef gint64 (*RaSimClockFunc) (gpointer user_data);

RaSimulator       *ra_simulator_new                   (void);

/* Call before start: the profile decides what the listeners serve. In
 * REALISTIC, the OAuth token endpoint (the login service) has a listener of
 * its own, as <instance>-login has a host of its own, and the API
 * listener answers 404 there; in TIDY, one listener serves everything
 * but the export results files, which have a listener of their own in
 * both profiles. */
void               ra_simulator_set_profile           (RaSimulator    *self,
                                                       RaSimProfile    profile);
RaSimProfile       ra_simulator_get_profile           (RaSimulator    *self);
/* NULL → the system's wall clock. */
void               ra_simulator_set_clock_func        (RaSimulator    *self,
                                                       RaSimClockFunc  func,
                                                       gpointer        user_data,
                                                       GDestroyNotify  destroy);

/* Moves the simulated instance's clock on by seconds, past whatever the
 * clock gives: runs progress and expire as if that time had passed. The
 * same as POST /_sim/clock {"advanceSeconds": seconds}, the control a
 * program driving the app from outside uses. */
void               ra_simulator_advance_clock         (RaSimulator    *self,
                                                       guint           seconds);

/* Configuration (before or after start). */
void               ra_simulator_set_credentials       (RaSimulator    *self,
                                                       const char     *client_id,
                                                       const char     *client_secret);
void               ra_simulator_set_token_lifetime    (RaSimulator    *self,
                                                       guint           seconds);
/* FALSE makes /api/v1/token answer 404, TRUE serves it: the same as
 * ra_simulator_set_legacy_token () with OFF or ON. */
void               ra_simulator_set_legacy_token_enabled (RaSimulator *self,
                                                       gboolean        enabled);
/* Overrides the profile's default (OFF in REALISTIC, ON in TIDY). */
void               ra_simulator_set_legacy_token      (RaSimulator    *self,
                                                       RaSimLegacyToken mode);
RaSimLegacyToken   ra_simulator_get_legacy_token      (RaSimulator    *self);
/* Replaces the demo catalogue by n generated actions (0 → demo catalogue). */
void               ra_simulator_set_generated_actions (RaSimulator    *self,
                                                       guint           n);
/* Serves an empty catalogue, as a new Nexthink instance has. */
void               ra_simulator_clear_actions         (RaSimulator    *self);
/* Adds one action (a RemoteAction JSON object) to the catalogue. */
void               ra_simulator_add_action            (RaSimulator    *self,
                                                       JsonNode       *action);
/* NQL v2: what POST /api/v2/nql/execute answers for query_id. data is a
 * JSON array of row objects, served as is whatever the parameters.
 * Built in: #remote_action_executions (one row per device of the
 * executions accepted so far, newest first; parameter request_id filters)
 * #demo_devices (names and collector IDs of demo devices) and
 * #device_lookup (the devices whose name matches the parameter
 * device_name as NQL's == does: case-insensitive, * and ? wildcards;
 * one demo name is given to two devices). */
void               ra_simulator_add_nql_query         (RaSimulator    *self,
                                                       const char     *query_id,
                                                       JsonNode       *data);
/* How long the runs of accepted executions take, as
 * #remote_action_executions reports them: each device settles on its
 * final status within this many seconds (default 7; 0: at once). */
void               ra_simulator_set_execution_seconds (RaSimulator    *self,
                                                       guint           seconds);
/* NQL export (POST /api/v1/nql/export, GET /api/v1/nql/status/{id}):
 * how long an export runs before its status reads COMPLETED, on the
 * simulator's clock (default 3; 0: at once). Its status reads SUBMITTED
 * for the first second, IN_PROGRESS after that. */
void               ra_simulator_set_export_seconds    (RaSimulator    *self,
                                                       guint           seconds);
/* Non-NULL: exports started from now on end in ERROR with this
 * errorDescription; NULL (default): they complete. */
void               ra_simulator_set_export_error      (RaSimulator    *self,
                                                       const char     *description);
/* The most rows an export's results file holds, as a licence limits
 * them (0, the default: no limit). The status of a completed export that
 * was cut answers 206 Partial Content. */
void               ra_simulator_set_export_row_limit  (RaSimulator    *self,
                                                       guint           rows);
/* Where the resultsFileUrl of exports points, "scheme://host[:port]"
 * without a trailing slash; NULL (default): the files listener. */
void               ra_simulator_set_export_url_base   (RaSimulator    *self,
                                                       const char     *base_url);
/* FALSE: the API credentials lack the NQL API permission, and NQL
 * execute and export answer 403 (default TRUE). */
void               ra_simulator_set_nql_permission    (RaSimulator    *self,
                                                       gboolean        granted);
/* The collector IDs of the devices the simulated instance knows. Execute
 * accepts others too, but in the realistic profile they never report
 * in #remote_action_executions. */
GStrv              ra_simulator_dup_known_devices     (void);
/* A few device names of the demo inventory to try looking up: one that
 * two devices share and one of a device that is offline among them. */
GStrv              ra_simulator_dup_example_device_names (void);
/* Makes every token issued so far invalid (401 on next use). */
void               ra_simulator_expire_tokens         (RaSimulator    *self);

/* Fault injection, all consumed by the next requests to /api/ paths
 * other than the token endpoints unless said otherwise (see
 * ra_simulator_set_faults_include_token ()). A dropped request wins over
 * a failing one; a body fault only replaces a 200 answer's body. */
void               ra_simulator_set_latency           (RaSimulator    *self,
                                                       guint           milliseconds);
/* The next n requests answer status (with Retry-After if retry_after > 0,
 * and a {code,message} body for 400/403/404/5xx). */
void               ra_simulator_fail_next             (RaSimulator    *self,
                                                       guint           n,
                                                       guint           status,
                                                       guint           retry_after);
/* The next n 200 answers get the given body instead of their own. */
void               ra_simulator_set_body_fault        (RaSimulator    *self,
                                                       RaSimBodyFault  fault,
                                                       guint           n);
/* Size of RA_SIM_BODY_OVERSIZED bodies (default 16 MiB). */
void               ra_simulator_set_oversized_bytes   (RaSimulator    *self,
                                                       gsize           bytes);
/* The next n requests have their connection closed without an answer,
 * after the request was read (so a POST may have been acted on). */
void               ra_simulator_drop_next             (RaSimulator    *self,
                                                       guint           n);
/* The next request is handled as usual (an execute is acted on), then
 * answered with status and body (JSON text sent as it is; NULL or "" for
 * none) instead of its own answer. */
void               ra_simulator_set_next_answer       (RaSimulator    *self,
                                                       guint           status,
                                                       const char     *body);
/* TRUE makes latency and the faults above apply to the token endpoints
 * too (default FALSE: a client can always get a token). */
void               ra_simulator_set_faults_include_token (RaSimulator *self,
                                                       gboolean        include);

/* Where the login service listens when the profile splits it off
 * (0, the default: a free port). Call before start. */
void               ra_simulator_set_login_port        (RaSimulator    *self,
                                                       guint           port);

/* Listens on 127.0.0.1:port (0 → random), and the login service on the
 * login port when the profile splits it off. Serves on the thread-default
 * main context of the caller. */
gboolean           ra_simulator_start                 (RaSimulator    *self,
                                                       guint           port,
                                                       GError        **error);
/* The same, but serves from a thread of its own with its own main context,
 * so a busy client main loop does not delay the server (and vice versa).
 * Configuration calls stay safe from any thread. */
gboolean           ra_simulator_start_in_thread       (RaSimulator    *self,
                                                       guint           port,
                                                       GError        **error);
void               ra_simulator_stop                  (RaSimulator    *self);
guint              ra_simulator_get_port              (RaSimulator    *self);
/* "http://127.0.0.1:PORT", no trailing slash. */
const char        *ra_simulator_get_base_url          (RaSimulator    *self);
/* Where the OAuth token endpoint is served: the login listener's
 * "http://127.0.0.1:PORT2" in REALISTIC, the base URL in TIDY. */
const char        *ra_simulator_get_login_base_url    (RaSimulator    *self);
/* Where the export results files are served: "http://127.0.0.1:PORT3",
 * another listener than the API's and the login service's, as a real
 * instance's files are on S3. Its requests are in the request log too,
 * with the Host header that tells them apart. */
const char        *ra_simulator_get_files_base_url    (RaSimulator    *self);
/* TRUE when the login service has a listener of its own (after start). */
gboolean           ra_simulator_has_login_listener    (RaSimulator    *self);

/* The request log, oldest first. The returned array is a snapshot: free it
 * with g_ptr_array_unref (). */
GPtrArray         *ra_simulator_get_requests          (RaSimulator    *self);
/* NULL method or path matches any; a trailing slash does not count. */
guint              ra_simulator_count_requests        (RaSimulator    *self,
                                                       const char     *method,
                                                       const char     *path);
/* Also starts counting ra_simulator_get_max_in_flight () anew. */
void               ra_simulator_clear_requests        (RaSimulator    *self);
/* The most API requests (token requests left out) that were received
 * and not yet answered at one time, since the log was last cleared:
 * how many a client had in flight at once. Requests are in flight for
 * as long as the latency holds them back (ra_simulator_set_latency ()). */
guint              ra_simulator_get_max_in_flight     (RaSimulator    *self);
/* Every access token the simulator has issued (for leak audits). */
GStrv              ra_simulator_dup_issued_tokens     (RaSimulator    *self);

/* Signal "request-handled" (method, path, status), emitted on the serving
 * thread after each request; status 0 means the connection was dropped. */

G_END_DECLS
