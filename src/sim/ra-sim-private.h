/* ra-sim-private.h — what the simulator's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "ra-simulator.h"

G_BEGIN_DECLS

struct _RaSimulator
{
  GObject         parent_instance;

  /* Guards everything below except the serving fields, because tests
   * and benchmarks configure the simulator from another thread. */
  GMutex          mutex;

  RaSimProfile    profile;
  RaSimClockFunc  clock_func;
  gpointer        clock_data;
  GDestroyNotify  clock_destroy;

  char           *client_id;
  char           *client_secret;
  guint           token_lifetime;
  RaSimLegacyToken legacy_token;
  gboolean        legacy_token_set;  /* else the profile decides */
  GHashTable     *tokens;          /* access token → gint64* expiry (ra_sim_now_usec) */
  GPtrArray      *issued_tokens;   /* char* */

  GPtrArray      *actions;         /* JsonNode* */
  guint           n_generated;     /* 0: the demo catalogue */
  gboolean        custom_actions;  /* changed by the caller: kept on a new profile */
  GHashTable     *actions_by_id;   /* id → JsonNode* borrowed from actions */
  GHashTable     *list_cache;      /* filter key → GBytes */
  GPtrArray      *executions;      /* RaSimExecution* */
  guint           execution_seconds;
  GHashTable     *nql_queries;     /* query id → RaSimNqlQuery* */
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

  guint           port;
  char           *base_url;
  char           *login_base_url;  /* NULL when the API listener serves OAuth */
  guint           login_port;      /* wanted; 0 → any */

  /* Serving state: only touched from the serving context, or while no
   * serving thread runs. */
  SoupServer     *server;
  SoupServer     *login_server;    /* REALISTIC only */
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

typedef struct
{
  const char *uid;
  const char *name;
  const char *platform;
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

/* ra-sim-faults.c; the caller holds the lock. */
void ra_sim_answer_failure   (RaSimulator   *self,
                              RaSimResponse *response);
void ra_sim_apply_body_fault (RaSimulator   *self,
                              RaSimResponse *response);

/* The legacy token endpoint's behaviour, profile default applied; the
 * caller holds the lock. */
RaSimLegacyToken ra_sim_get_legacy_token_locked (RaSimulator *self);

/* ra-sim-server.c */
char *ra_sim_normalize_path (const char *path);
void  ra_sim_emit_request_handled (RaSimulator *self,
                                   const char  *method,
                                   const char  *path,
                                   guint        status);

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
void ra_sim_nql_install_builtin (RaSimulator   *self);
void ra_sim_nql_execute         (RaSimulator        *self,
                                 SoupMessageHeaders *headers,
                                 GBytes             *body,
                                 RaSimResponse      *response);

/* Accessors for state owned by ra-simulator.c; the caller holds the lock. */
JsonNode   *ra_sim_lookup_action     (RaSimulator    *self,
                                      const char     *id);
GPtrArray  *ra_sim_get_actions       (RaSimulator    *self);
GBytes     *ra_sim_lookup_list_cache (RaSimulator    *self,
                                      const char     *key);
void        ra_sim_store_list_cache  (RaSimulator    *self,
                                      const char     *key,
                                      GBytes         *body);
void        ra_sim_add_execution     (RaSimulator    *self,
                                      RaSimExecution *execution);
GPtrArray  *ra_sim_get_executions    (RaSimulator    *self);
GHashTable *ra_sim_get_nql_queries   (RaSimulator    *self);
guint       ra_sim_get_execution_seconds (RaSimulator *self);
/* The wall clock the simulator runs on, µs since the Unix epoch. */
gint64      ra_sim_now_usec          (RaSimulator    *self);

typedef enum
{
  RA_SIM_NQL_STATIC,
  RA_SIM_NQL_EXECUTIONS,
  RA_SIM_NQL_DEVICES,
} RaSimNqlKind;

typedef struct
{
  RaSimNqlKind  kind;
  char         *text;      /* the NQL the query stands for */
  JsonNode     *data;      /* RA_SIM_NQL_STATIC: an array of row objects */
} RaSimNqlQuery;

void ra_sim_nql_query_free (RaSimNqlQuery *query);

G_END_DECLS
