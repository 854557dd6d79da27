/* ra-sim-private.h — what the simulator's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "ra-simulator.h"

G_BEGIN_DECLS

/* The instance's data that the API modules read and write: the
 * catalogue, the executions and the NQL queries, and the clock they run
 * on. The simulator owns it and its lock guards it; the modules are
 * handed it (ra-sim-state.c) instead of calling into the simulator. */
typedef struct
{
  GPtrArray      *actions;         /* JsonNode* */
  GHashTable     *actions_by_id;   /* id → JsonNode* borrowed from actions */
  GHashTable     *list_cache;      /* filter key → GBytes */
  GPtrArray      *executions;      /* RaSimExecution* */
  guint           execution_seconds;
  GHashTable     *nql_queries;     /* query id → RaSimNqlQuery* */
  GHashTable     *exports;         /* export id → RaSimExport* */
  guint           export_seconds;
  char           *export_error;    /* NULL: exports complete */
  guint           export_row_limit; /* 0: none */
  char           *export_url_base; /* where results files are said to be; NULL: ours */

  RaSimClockFunc  clock_func;
  gpointer        clock_data;
  GDestroyNotify  clock_destroy;
  /* How far the instance's clock was moved on past the clock's own time
   * (ra_simulator_advance_clock (), POST /_sim/clock). */
  gint64          clock_offset_usec;
} RaSimState;

struct _RaSimulator
{
  GObject         parent_instance;

  /* Guards everything below except the serving fields, because tests
   * and benchmarks configure the simulator from another thread. */
  GMutex          mutex;

  RaSimProfile    profile;
  RaSimState      state;

  char           *client_id;
  char           *client_secret;
  guint           token_lifetime;
  RaSimLegacyToken legacy_token;
  gboolean        legacy_token_set;  /* else the profile decides */
  GHashTable     *tokens;          /* access token → gint64* expiry (ra_sim_state_now_usec) */
  GPtrArray      *issued_tokens;   /* char* */

  guint           n_generated;     /* 0: the demo catalogue */
  gboolean        custom_actions;  /* changed by the caller: kept on a new profile */
  gboolean        nql_denied;      /* credentials without the NQL API permission */

  guint           latency_ms;
  guint           fail_remaining;
  guint           fail_status;
  guint           fail_retry_after;
  RaSimBodyFault  body_fault;
  guint           body_fault_remaining;
  gsize           oversized_bytes;
  guint           drop_remaining;
  guint           next_status;     /* 0 → none */
  GBytes         *next_body;
  gboolean        faults_include_token;

  GPtrArray      *requests;        /* RaSimRequest* */
  guint           in_flight;       /* API requests received, not yet answered */
  guint           max_in_flight;   /* the most at once since the log was cleared */

  guint           port;
  char           *base_url;
  char           *login_base_url;  /* NULL when the API listener serves OAuth */
  char           *files_base_url;  /* the export results files' listener */
  guint           files_port;
  guint           login_port;      /* wanted; 0 → any */

  /* Serving state: only touched from the serving context, or while no
   * serving thread runs. */
  SoupServer     *server;
  SoupServer     *login_server;    /* REALISTIC only */
  SoupServer     *files_server;    /* export results files, as S3 serves them */
  GMainContext   *context;
  GList          *delayed;         /* GSource* of requests held back by latency */
  GHashTable     *sockets;         /* GSocket* of connections seen, owned */
  GThread        *thread;
  GMainLoop      *loop;
  GCond           thread_cond;
  gboolean        thread_ready;
  GError         *thread_error;
  guint           thread_port;
};

/* What a handler decided to answer; the dispatcher applies body faults
 * and writes it to the message. */
typedef struct
{
  guint        status;
  GBytes      *body;          /* NULL → no body */
  const char  *content_type;  /* static string, NULL → none */
  const char  *allow;         /* for 405 */
  const char  *challenge;     /* WWW-Authenticate for 401, static */
  guint        retry_after;   /* seconds, 0 → no header */
  gboolean     no_store;      /* token answers must not be cached */
} RaSimResponse;

void ra_sim_response_clear      (RaSimResponse *response);
void ra_sim_response_set_status (RaSimResponse *response,
                                 guint          status);
void ra_sim_response_set_json  (RaSimResponse *response,
                                guint          status,
                                JsonNode      *node);
void ra_sim_response_set_error (RaSimResponse *response,
                                guint          status,
                                const char    *code,
                                const char    *message);

/* One accepted execution, kept for the execution-status NQL query. */
typedef struct
{
  char     *request_id;
  char     *action_id;
  char     *action_name;
  JsonNode *outputs;        /* the action's outputs array */
  GStrv     devices;
  gint64    created_usec;   /* real time */
  guint     expires_in_minutes;
} RaSimExecution;

void ra_sim_execution_free (RaSimExecution *execution);

/* A device of the instance's inventory. Names are not unique: two
 * devices may share one. */
typedef struct
{
  const char *uid;
  const char *name;
  const char *platform;
  gboolean    offline;    /* never reports back before a request expires */
} RaSimDevice;

/* Lenient readers for actions: tests add deliberately broken ones, and
 * the simulator must serve them without tripping json-glib's checks.
 * NULL (or fallback) when the member is missing or of another type. */
JsonObject *ra_sim_json_object  (JsonObject *object,
                                 const char *member);
const char *ra_sim_json_string  (JsonObject *object,
                                 const char *member);
gboolean    ra_sim_json_boolean (JsonObject *object,
                                 const char *member,
                                 gboolean    fallback);

/* ra-sim-auth.c; the caller holds the lock. */
gboolean      ra_sim_check_basic        (RaSimulator        *self,
                                         SoupMessageHeaders *headers);
gboolean      ra_sim_check_bearer       (RaSimulator        *self,
                                         SoupMessageHeaders *headers);
void          ra_sim_answer_token       (RaSimulator        *self,
                                         RaSimResponse      *response);
void          ra_sim_handle_oauth_token (RaSimulator        *self,
                                         SoupMessageHeaders *headers,
                                         GBytes             *body,
                                         RaSimResponse      *response);
RaSimRequest *ra_sim_record_request     (RaSimulator        *self,
                                         SoupServerMessage  *msg,
                                         GBytes             *body);
/* The legacy token endpoint's behaviour, profile default applied. */
RaSimLegacyToken ra_sim_auth_get_legacy_token_locked (RaSimulator *self);

/* ra-sim-faults.c; the caller holds the lock. */
void ra_sim_answer_failure   (RaSimulator   *self,
                              RaSimResponse *response);
void ra_sim_apply_body_fault (RaSimulator   *self,
                              RaSimResponse *response);

/* ra-sim-server.c: what ra_simulator_start (), _start_in_thread () and
 * _stop () do, once their arguments are checked. The server tells of a
 * request it handled with the simulator's ::request-handled signal. */
gboolean ra_sim_server_start           (RaSimulator  *self,
                                        guint         port,
                                        GError      **error);
gboolean ra_sim_server_start_in_thread (RaSimulator  *self,
                                        guint         port,
                                        GError      **error);
void     ra_sim_server_stop            (RaSimulator  *self);

/* ra-sim-request.c: "/a/b/" and "/a/b" are one path. */
char *ra_sim_normalize_path (const char *path);

/* ra-sim-catalogue.c */
/* Every member the schema lists in the tidy profile; sparse, as real
 * instances answer, in the realistic one. */
GPtrArray         *ra_sim_catalogue_new_demo      (RaSimProfile profile);
GPtrArray         *ra_sim_catalogue_new_generated (guint        n,
                                                   RaSimProfile profile);
const RaSimDevice *ra_sim_catalogue_get_devices   (guint       *n_devices);

/* ra-sim-api.c; the caller holds the simulator's lock. */
void ra_sim_api_list    (RaSimulator   *self,
                         GHashTable    *query,
                         RaSimResponse *response);
void ra_sim_api_details (RaSimulator   *self,
                         GHashTable    *query,
                         RaSimResponse *response);
void ra_sim_api_execute (RaSimulator   *self,
                         GBytes        *body,
                         RaSimResponse *response);

/* ra-sim-nql.c; the caller holds the simulator's lock. */
void ra_sim_nql_install_builtin (RaSimState         *state);
/* POST /_sim/clock {"advanceSeconds": N}: the demo's own control, so
 * that a program driving the app from outside (the e2e tests) can let
 * runs progress without waiting. */
void ra_sim_control_clock       (RaSimulator        *self,
                                 GBytes             *body,
                                 RaSimResponse      *response);
void ra_sim_nql_execute         (RaSimulator        *self,
                                 SoupMessageHeaders *headers,
                                 GBytes             *body,
                                 RaSimResponse      *response);

/* ra-sim-state.c; the caller holds the simulator's lock. */
void        ra_sim_state_init              (RaSimState     *state);
void        ra_sim_state_clear             (RaSimState     *state);
JsonNode   *ra_sim_state_lookup_action     (RaSimState     *state,
                                            const char     *id);
GBytes     *ra_sim_state_lookup_list_cache (RaSimState     *state,
                                            const char     *key);
void        ra_sim_state_store_list_cache  (RaSimState     *state,
                                            const char     *key,
                                            GBytes         *body);
void        ra_sim_state_add_execution     (RaSimState     *state,
                                            RaSimExecution *execution);
/* The wall clock the simulator runs on, µs since the Unix epoch. */
gint64      ra_sim_state_now_usec          (RaSimState     *state);
void        ra_sim_state_advance           (RaSimState     *state,
                                            gint64          seconds);

typedef enum
{
  RA_SIM_NQL_STATIC,
  RA_SIM_NQL_EXECUTIONS,
  RA_SIM_NQL_DEVICES,
  RA_SIM_NQL_DEVICE_LOOKUP,
} RaSimNqlKind;

typedef struct
{
  RaSimNqlKind  kind;
  char         *text;      /* the NQL the query stands for */
  JsonNode     *data;      /* RA_SIM_NQL_STATIC: an array of row objects */
} RaSimNqlQuery;

void ra_sim_nql_query_free (RaSimNqlQuery *query);

/* ra-sim-nql.c, for the export; the caller holds the simulator's lock. */

RaSimNqlQuery *ra_sim_nql_read_request (RaSimulator         *self,
                                        JsonParser          *parser,
                                        GBytes              *body,
                                        const char         **query_id,
                                        JsonObject         **parameters,
                                        RaSimResponse       *response);
/* At most max_rows rows (0: all); cut tells whether there were more. */
GBytes        *ra_sim_nql_export_csv   (RaSimulator         *self,
                                        RaSimNqlQuery       *query,
                                        JsonObject          *parameters,
                                        SoupMessageHeaders  *headers,
                                        guint                max_rows,
                                        guint               *n_rows,
                                        gboolean            *cut);

/* ra-sim-export.c: the NQL export API, and the results files on a
 * listener of their own. The caller holds the simulator's lock. */
typedef struct
{
  char   *id;
  gint64  created_usec;   /* ra_sim_state_now_usec () */
  guint   seconds;        /* until COMPLETED or ERROR */
  char   *error;          /* NULL: it completes */
  char   *signature;      /* of the results file's URL */
  GBytes *csv;
  gboolean truncated;     /* cut at the licence's row limit: 206 */
} RaSimExport;

/* In ra-sim-state.c, which owns the exports. */
void ra_sim_export_free       (RaSimExport        *export);
void ra_sim_export_start      (RaSimulator        *self,
                               SoupMessageHeaders *headers,
                               GBytes             *body,
                               RaSimResponse      *response);
void ra_sim_export_status     (RaSimulator        *self,
                               const char         *export_id,
                               RaSimResponse      *response);
void ra_sim_export_serve_file (RaSimulator        *self,
                               const char         *method,
                               SoupMessageHeaders *headers,
                               const char         *path,
                               GHashTable         *query,
                               RaSimResponse      *response);

G_END_DECLS
