/* ra-sim-test.h — the simulator in its own thread and a plain SoupSession
 *
 * The simulator's tests talk HTTP to it the way any client would, with
 * no code from the core library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ra-simulator.h"
#include "ra-test-common.h"

G_BEGIN_DECLS

#define BASIC_GOOD "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=" /* demo-client:demo-secret */
#define DEVICE_A   "6513270e-269e-4d37-b2a7-4de452e6b438"
#define DEVICE_B   "d23f0824-128b-4f33-8c5c-7fd0a6a3a450"

#define OAUTH_PATH "/oauth2/default/v1/token"
#define OAUTH_FORM "grant_type=client_credentials&scope=service%3Aintegration"
#define FORM_TYPE  "application/x-www-form-urlencoded"

typedef struct
{
  RaSimulator *sim;
  SoupSession *session;
  char        *token;     /* a bearer token fetched at set-up */
} Fixture;

/* Starts a simulator in its own thread, with the RaSimProfile that data
 * points to (NULL: the realistic default), and fetches a token. */
void        fixture_set_up    (Fixture       *f,
                               gconstpointer  data);
void        fixture_tear_down (Fixture       *f,
                               gconstpointer  data);

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
  GError             *error;
  gboolean            finished;
} Reply;

void        reply_clear       (Reply         *reply);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

/* Sync requests: the simulator serves from its own thread in these
 * tests. The token endpoint goes to the login service's host, the rest
 * to the API host. */
void        send_full         (Fixture       *f,
                               const char    *method,
                               const char    *path,
                               const char    *authorization,
                               const char    *content_type,
                               const char    *body,
                               const char    *accept,
                               Reply         *reply);
/* With a JSON body, if any. */
void        send_json         (Fixture       *f,
                               const char    *method,
                               const char    *path,
                               const char    *authorization,
                               const char    *body,
                               Reply         *reply);
char       *bearer            (Fixture       *f);
/* With the fixture's bearer token. */
void        api               (Fixture       *f,
                               const char    *method,
                               const char    *path,
                               const char    *body,
                               Reply         *reply);
/* A form to the OAuth token endpoint. */
void        oauth             (Fixture       *f,
                               const char    *authorization,
                               const char    *content_type,
                               const char    *form,
                               Reply         *reply);
char       *fetch_token       (Fixture       *f);

JsonNode   *parse             (Reply         *reply);
gboolean    body_is_empty     (Reply         *reply);
gboolean    is_json           (Reply         *reply);
/* A {code, message} body with status (and code, if given). */
void        assert_error_body (Reply         *reply,
                               guint          status,
                               const char    *code);

/* GET path, which must answer 200 with a JSON array; *root holds it. */
JsonArray  *list              (Fixture       *f,
                               const char    *path,
                               JsonNode     **root);
/* POST body to the NQL API; the parsed answer if expected_status is 200. */
JsonNode   *nql               (Fixture       *f,
                               const char    *body,
                               guint          expected_status);

G_END_DECLS
