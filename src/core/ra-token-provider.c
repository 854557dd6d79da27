/* ra-token-provider.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-token-provider"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ra-clock.h"
#include "ra-endpoint.h"
#include "ra-enum-types.h"
#include "ra-error.h"
#include "ra-http-private.h"
#include "ra-token-provider-private.h"

/* A token answer is a few hundred bytes. */
#define TOKEN_MAX_BODY_SIZE (64 * 1024)
/* Refresh this long before the server says the token runs out, so a token
 * handed out is still good when the request using it arrives. */
#define REFRESH_MARGIN_SECONDS 60

struct _RaTokenProvider
{
  GObject              parent_instance;

  SoupSession         *session;
  RaEndpoint          *endpoint;
  char                *client_id;
  char                *client_secret;
  RaTokenEndpointKind  kind;
  RaTokenEndpointKind  resolved_kind;

  char                *token;
  /* Both clocks: the monotonic one is immune to clock changes but stands
   * still while the machine sleeps; the wall clock runs on. */
  gint64               token_fresh_until;   /* monotonic µs */
  gint64               token_fresh_until_wall; /* wall µs */
  RaClock             *clock;
  gint64               clock_offset;        /* µs, tests only */

  /* Callers waiting for the request in flight; non-empty iff one is. */
  GQueue               waiters;
  gboolean             fetching;
};

G_DEFINE_FINAL_TYPE (RaTokenProvider, ra_token_provider, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESOLVED_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GTask  *task;
  gulong  cancelled_id;
} Waiter;

static gint64
provider_now (RaTokenProvider *self)
{
  return ra_clock_get_monotonic_usec (self->clock) + self->clock_offset;
}

static gint64
provider_wall_now (RaTokenProvider *self)
{
  return ra_clock_get_wall_usec (self->clock) + self->clock_offset;
}

static void
clear_token (RaTokenProvider *self)
{
  g_clear_pointer (&self->token, ra_secret_free);
  self->token_fresh_until = 0;
  self->token_fresh_until_wall = 0;
}

static void
set_resolved_kind (RaTokenProvider     *self,
                   RaTokenEndpointKind  kind)
{
  if (self->resolved_kind == kind)
    return;

  self->resolved_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED_KIND]);
}

static void
ra_token_provider_finalize (GObject *object)
{
  RaTokenProvider *self = RA_TOKEN_PROVIDER (object);

  /* Every waiter's task holds a reference to us, so none can be left. */
  g_assert (g_queue_is_empty (&self->waiters));

  clear_token (self);
  g_clear_pointer (&self->client_secret, ra_secret_free);
  g_clear_pointer (&self->client_id, ra_secret_free);
  g_clear_object (&self->endpoint);
  g_clear_object (&self->session);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (ra_token_provider_parent_class)->finalize (object);
}

static void
ra_token_provider_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RaTokenProvider *self = RA_TOKEN_PROVIDER (object);

  switch (prop_id)
    {
    case PROP_RESOLVED_KIND:
      g_value_set_enum (value, self->resolved_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_token_provider_class_init (RaTokenProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_token_provider_finalize;
  object_class->get_property = ra_token_provider_get_property;

  /* Which endpoint gave the last token: the account keeps it, so that
   * the next start goes straight there. */
  properties[PROP_RESOLVED_KIND] =
    g_param_spec_enum ("resolved-kind", NULL, NULL,
                       RA_TYPE_TOKEN_ENDPOINT_KIND, RA_TOKEN_ENDPOINT_AUTO,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_token_provider_init (RaTokenProvider *self)
{
  g_queue_init (&self->waiters);
  self->clock = ra_clock_new_system ();
}

/**
 * ra_token_provider_new:
 * @session: the session the API client uses too
 * @endpoint: where the token endpoints are
 * @client_id: the API credentials' client ID
 * @client_secret: the API credentials' client secret
 * @kind: which token endpoint to use; AUTO tries the login service first
 */
RaTokenProvider *
ra_token_provider_new (SoupSession         *session,
                       RaEndpoint          *endpoint,
                       const char          *client_id,
                       const char          *client_secret,
                       RaTokenEndpointKind  kind)
{
  RaTokenProvider *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (RA_IS_ENDPOINT (endpoint), NULL);
  g_return_val_if_fail (client_id != NULL, NULL);
  g_return_val_if_fail (client_secret != NULL, NULL);
  g_return_val_if_fail (kind == RA_TOKEN_ENDPOINT_AUTO ||
                        kind == RA_TOKEN_ENDPOINT_LEGACY ||
                        kind == RA_TOKEN_ENDPOINT_OAUTH, NULL);

  self = g_object_new (RA_TYPE_TOKEN_PROVIDER, NULL);
  self->session = g_object_ref (session);
  self->endpoint = g_object_ref (endpoint);
  self->client_id = g_strdup (client_id);
  self->client_secret = g_strdup (client_secret);
  self->kind = kind;
  self->resolved_kind = RA_TOKEN_ENDPOINT_AUTO;

  return self;
}

static SoupMessage *
build_token_message (RaTokenProvider     *self,
                     RaTokenEndpointKind  kind)
{
  g_autoptr(SoupMessage) message = NULL;
  char *pair;
  char *encoded;
  char *header;

  if (kind == RA_TOKEN_ENDPOINT_OAUTH)
    {
      g_autoptr(GBytes) body = NULL;
      char *form;

      message = ra_http_message_new (SOUP_METHOD_POST,
                                     ra_endpoint_get_oauth_token_url (self->endpoint));
      if (message == NULL)
        return NULL;

      form = soup_form_encode ("grant_type", "client_credentials",
                               "scope", "service:integration",
                               NULL);
      body = g_bytes_new_take (form, strlen (form));
      soup_message_set_request_body_from_bytes (message,
                                                "application/x-www-form-urlencoded",
                                                body);
    }
  else
    {
      message = ra_http_message_new (SOUP_METHOD_POST,
                                     ra_endpoint_get_legacy_token_url (self->endpoint));
      if (message == NULL)
        return NULL;
    }

  pair = g_strconcat (self->client_id, ":", self->client_secret, NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  header = g_strconcat ("Basic ", encoded, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message),
                                "Authorization", header);
  ra_secret_free (header);
  ra_secret_free (encoded);
  ra_secret_free (pair);

  return g_steal_pointer (&message);
}

static void
waiter_free (Waiter *waiter)
{
  GCancellable *cancellable = g_task_get_cancellable (waiter->task);

  if (waiter->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, waiter->cancelled_id);
  g_object_unref (waiter->task);
  g_free (waiter);
}

static void
finish_fetch (RaTokenProvider *self,
              const char      *token,
              const GError    *error)
{
  g_autoptr(RaTokenProvider) hold = g_object_ref (self);
  GQueue waiters = G_QUEUE_INIT;

  /* Steal the queue first: a callback may well ask for a token again. */
  waiters = self->waiters;
  g_queue_init (&self->waiters);
  self->fetching = FALSE;

  for (GList *l = waiters.head; l != NULL; l = l->next)
    {
      Waiter *waiter = l->data;
      GTask *task = g_object_ref (waiter->task);

      waiter_free (waiter);
      if (token != NULL)
        g_task_return_pointer (task, g_strdup (token), g_free);
      else
        g_task_return_error (task, g_error_copy (error));
      g_object_unref (task);
    }
  g_list_free (waiters.head);
}

/* The token goes into a header line: a CR or LF in it would end the
 * header (libsoup then drops it with a critical and sends the request
 * without Authorization), and no bearer token holds anything but visible
 * ASCII (RFC 6750's b64token is a subset). */
static gboolean
is_usable_token (const char *token)
{
  if (token == NULL || *token == '\0')
    return FALSE;

  for (const char *p = token; *p != '\0'; p++)
    {
      if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f)
        return FALSE;
    }

  return TRUE;
}

static gboolean
store_token (RaTokenProvider  *self,
             GBytes           *body,
             GError          **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonNode *node;
  gint64 expires_in = 900;
  gint64 margin;

  root = ra_http_parse_json (body, error);
  if (root == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The token endpoint’s answer is not a JSON object."));
      return FALSE;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "access_token");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !is_usable_token (json_node_get_string (node)))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The token endpoint’s answer has no usable “access_token”."));
      return FALSE;
    }

  /* expires_in is optional in OAuth; Nexthink documents 900 seconds. */
  node = json_object_get_member (object, "expires_in");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) <= 0)
        {
          g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                               _("The token endpoint’s answer has an “expires_in” that is "
                                 "not a positive number of seconds."));
          return FALSE;
        }
      expires_in = MIN (json_node_get_int (node), G_MAXINT32);
    }

  /* A very short-lived token (a test server, a misconfigured proxy) would
   * otherwise never count as fresh: keep half its lifetime then. */
  margin = MIN (REFRESH_MARGIN_SECONDS, expires_in / 2);

  clear_token (self);
  self->token = g_strdup (json_object_get_string_member (object, "access_token"));
  self->token_fresh_until = provider_now (self) + (expires_in - margin) * G_USEC_PER_SEC;
  self->token_fresh_until_wall = provider_wall_now (self) + (expires_in - margin) * G_USEC_PER_SEC;

  return TRUE;
}

static gboolean
is_credentials_rejection (SoupMessage *message,
                          GBytes      *body)
{
  guint status = soup_message_get_status (message);
  g_autoptr(JsonNode) root = NULL;
  JsonNode *node;
  const char *code;

  if (status == SOUP_STATUS_UNAUTHORIZED)
    return TRUE;
  if (status != SOUP_STATUS_BAD_REQUEST)
    return FALSE;

  /* OAuth servers answer 400 {"error": "invalid_client"} as well. */
  root = ra_http_parse_json (body, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  /* Not json_object_get_string_member (): "error" may be anything. */
  node = json_object_get_member (json_node_get_object (root), "error");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  code = json_node_get_string (node);
  return g_strcmp0 (code, "invalid_client") == 0 ||
         g_strcmp0 (code, "unauthorized_client") == 0;
}

static void fetch_send (RaTokenProvider     *self,
                        RaTokenEndpointKind  kind,
                        gboolean             fallback);

typedef struct
{
  RaTokenProvider     *self;
  SoupMessage         *message;
  RaTokenEndpointKind  kind;
  gboolean             fallback;   /* the second endpoint AUTO tries */
} Fetch;

static RaTokenEndpointKind
other_kind (RaTokenEndpointKind kind)
{
  return kind == RA_TOKEN_ENDPOINT_OAUTH ? RA_TOKEN_ENDPOINT_LEGACY : RA_TOKEN_ENDPOINT_OAUTH;
}

/* Whether the error says there is no such host at all, as opposed to a
 * host that is there but cannot be reached right now. */
static gboolean
is_unresolvable (const GError *error)
{
  return g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND);
}

/* The host, and the port when it is not the scheme's own: two loopback
 * services differ only by their port. */
static char *
dup_authority (GUri *uri)
{
  int port = g_uri_get_port (uri);
  const char *scheme = g_uri_get_scheme (uri);

  if (port < 0 ||
      (port == 443 && g_ascii_strcasecmp (scheme, "https") == 0) ||
      (port == 80 && g_ascii_strcasecmp (scheme, "http") == 0))
    return g_strdup (g_uri_get_host (uri));

  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

static char *
dup_host (RaTokenEndpointKind  kind,
          RaEndpoint          *endpoint)
{
  g_autoptr(GUri) uri = g_uri_parse (kind == RA_TOKEN_ENDPOINT_OAUTH
                                     ? ra_endpoint_get_oauth_token_url (endpoint)
                                     : ra_endpoint_get_legacy_token_url (endpoint),
                                     G_URI_FLAGS_NONE, NULL);

  return uri != NULL ? dup_authority (uri) : g_strdup ("");
}

/* Both endpoints of AUTO were tried and neither exists. */
static GError *
no_endpoint_error (RaTokenProvider *self)
{
  g_autofree char *login = dup_host (RA_TOKEN_ENDPOINT_OAUTH, self->endpoint);
  g_autofree char *api = dup_host (RA_TOKEN_ENDPOINT_LEGACY, self->endpoint);

  return g_error_new (RA_ERROR, RA_ERROR_NOT_FOUND,
                      _("No token endpoint answered: neither the Nexthink login service "
                        "(%s) nor the legacy token endpoint (%s) exists. Check the instance "
                        "name and the region."),
                      login, api);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(RaTokenProvider) self = fetch->self;
  g_autoptr(SoupMessage) message = fetch->message;
  RaTokenEndpointKind kind = fetch->kind;
  gboolean fallback = fetch->fallback;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean absent = FALSE;
  guint status = 0;

  g_free (fetch);

  body = ra_http_send_finish (result, &error);
  if (body == NULL)
    {
      /* Only the login service may be missing from DNS: without the API
       * host there is nothing to fall back to. */
      absent = kind == RA_TOKEN_ENDPOINT_OAUTH && is_unresolvable (error);
    }
  else
    {
      status = soup_message_get_status (message);
      absent = status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_METHOD_NOT_ALLOWED;
    }

  if (absent && self->kind == RA_TOKEN_ENDPOINT_AUTO)
    {
      if (!fallback)
        {
          g_debug ("%s token endpoint is not there (%u), trying the other one",
                   kind == RA_TOKEN_ENDPOINT_OAUTH ? "OAuth" : "Legacy", status);
          fetch_send (self, other_kind (kind), TRUE);
          return;
        }

      /* The choice that worked once no longer does: start afresh next time. */
      set_resolved_kind (self, RA_TOKEN_ENDPOINT_AUTO);
      error = no_endpoint_error (self);
      finish_fetch (self, NULL, error);
      return;
    }

  if (body == NULL)
    {
      g_autoptr(GError) mapped = ra_http_map_transport_error (error, message, FALSE);

      finish_fetch (self, NULL, mapped);
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (!store_token (self, body, &error))
        {
          finish_fetch (self, NULL, error);
          return;
        }

      set_resolved_kind (self, kind);
      finish_fetch (self, self->token, NULL);
      return;
    }

  /* Never a fallback here: the credentials went to the endpoint that
   * exists and it said no; another endpoint would only say it again. */
  if (is_credentials_rejection (message, body))
    {
      g_autofree char *host = dup_authority (soup_message_get_uri (message));

      error = g_error_new (RA_ERROR, RA_ERROR_UNAUTHORIZED,
                           _("The client ID or client secret was not accepted by %s. Check "
                             "the API credentials of this account."),
                           host);
      finish_fetch (self, NULL, error);
      return;
    }

  error = ra_http_status_error (message, body);
  finish_fetch (self, NULL, error);
}

static void
fetch_send (RaTokenProvider     *self,
            RaTokenEndpointKind  kind,
            gboolean             fallback)
{
  g_autoptr(SoupMessage) message = NULL;
  Fetch *fetch;

  message = build_token_message (self, kind);
  if (message == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                                                     _("The token address of this account "
                                                       "is not a valid URL."));
      finish_fetch (self, NULL, error);
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->message = g_object_ref (message);
  fetch->kind = kind;
  fetch->fallback = fallback;

  /* Not cancellable by any one caller: the others still want the token,
   * and a token that arrives late is cached for the next call. */
  ra_http_send_async (self->session, message, TOKEN_MAX_BODY_SIZE, NULL, fetch_cb, fetch);
}

static gboolean
waiter_cancelled_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  RaTokenProvider *self = g_task_get_source_object (task);

  for (GList *l = self->waiters.head; l != NULL; l = l->next)
    {
      Waiter *waiter = l->data;

      if (waiter->task == task)
        {
          g_queue_delete_link (&self->waiters, l);
          g_object_ref (task);
          waiter_free (waiter);
          g_task_return_error_if_cancelled (task);
          g_object_unref (task);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GSource) source = g_idle_source_new ();

  /* Disconnecting from inside the handler would deadlock: finish later. */
  g_source_set_callback (source, waiter_cancelled_idle_cb,
                         g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[ra] token waiter cancelled");
  g_source_attach (source, g_task_get_context (task));
}

gboolean
ra_token_provider_has_fresh_token (RaTokenProvider *self)
{
  g_return_val_if_fail (RA_IS_TOKEN_PROVIDER (self), FALSE);

  /* After a suspend the monotonic clock says little time has passed; the
   * wall clock knows better, and the server judges by it. */
  return self->token != NULL &&
         provider_now (self) < self->token_fresh_until &&
         provider_wall_now (self) < self->token_fresh_until_wall;
}

void
ra_token_provider_get_token_async (RaTokenProvider     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Waiter *waiter;

  g_return_if_fail (RA_IS_TOKEN_PROVIDER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ra_token_provider_get_token_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (ra_token_provider_has_fresh_token (self))
    {
      g_task_return_pointer (task, g_strdup (self->token), g_free);
      return;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_object_ref (task);
  if (cancellable != NULL)
    waiter->cancelled_id = g_cancellable_connect (cancellable,
                                                  G_CALLBACK (waiter_cancelled_cb),
                                                  task, NULL);
  g_queue_push_tail (&self->waiters, waiter);

  if (!self->fetching)
    {
      RaTokenEndpointKind kind = self->kind;

      /* The current documentation names only the login service: try it
       * first, unless this account is known to work with the other. */
      if (kind == RA_TOKEN_ENDPOINT_AUTO)
        kind = self->resolved_kind != RA_TOKEN_ENDPOINT_AUTO ? self->resolved_kind
                                                             : RA_TOKEN_ENDPOINT_OAUTH;
      self->fetching = TRUE;
      fetch_send (self, kind, FALSE);
    }
}

char *
ra_token_provider_get_token_finish (RaTokenProvider  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (RA_IS_TOKEN_PROVIDER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ra_token_provider_invalidate (RaTokenProvider *self)
{
  g_return_if_fail (RA_IS_TOKEN_PROVIDER (self));

  clear_token (self);
}

void
ra_token_provider_invalidate_token (RaTokenProvider *self,
                                    const char      *token)
{
  g_return_if_fail (RA_IS_TOKEN_PROVIDER (self));
  g_return_if_fail (token != NULL);

  if (g_strcmp0 (self->token, token) == 0)
    clear_token (self);
}

RaTokenEndpointKind
ra_token_provider_get_resolved_kind (RaTokenProvider *self)
{
  g_return_val_if_fail (RA_IS_TOKEN_PROVIDER (self), RA_TOKEN_ENDPOINT_AUTO);

  return self->resolved_kind;
}

void
ra_token_provider_set_resolved_kind (RaTokenProvider     *self,
                                     RaTokenEndpointKind  kind)
{
  g_return_if_fail (RA_IS_TOKEN_PROVIDER (self));
  g_return_if_fail (kind == RA_TOKEN_ENDPOINT_AUTO ||
                    kind == RA_TOKEN_ENDPOINT_LEGACY ||
                    kind == RA_TOKEN_ENDPOINT_OAUTH);

  set_resolved_kind (self, kind);
}

void
ra_token_provider_advance_clock (RaTokenProvider *self,
                                 guint            seconds)
{
  g_return_if_fail (RA_IS_TOKEN_PROVIDER (self));

  self->clock_offset += (gint64) seconds * G_USEC_PER_SEC;
}

void
ra_token_provider_set_clock (RaTokenProvider *self,
                             RaClock         *clock)
{
  g_return_if_fail (RA_IS_TOKEN_PROVIDER (self));
  g_return_if_fail (RA_IS_CLOCK (clock));

  g_set_object (&self->clock, clock);
}
