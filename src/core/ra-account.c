/* ra-account.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-account"

#include "config.h"

#include <glib/gi18n.h>

#include "ra-account.h"
#include "ra-client.h"
#include "ra-endpoint.h"
#include "ra-enum-types.h"
#include "ra-error.h"
#include "ra-nql-queries.h"

struct _RaAccount
{
  GObject              parent_instance;

  char                *id;
  char                *display_name;
  char                *instance;
  char                *region;
  char                *client_id;
  char                *base_url_override;
  char                *login_url_override;
  char                *results_query_id;
  char                *lookup_query_id;
  RaTokenEndpointKind  token_endpoint_kind;
  RaTokenEndpointKind  token_endpoint_used;
};

G_DEFINE_FINAL_TYPE (RaAccount, ra_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_INSTANCE,
  PROP_REGION,
  PROP_CLIENT_ID,
  PROP_TOKEN_ENDPOINT_KIND,
  PROP_BASE_URL_OVERRIDE,
  PROP_LOGIN_URL_OVERRIDE,
  PROP_TOKEN_ENDPOINT_USED,
  PROP_RESULTS_QUERY_ID,
  PROP_LOOKUP_QUERY_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ra_account_finalize (GObject *object)
{
  RaAccount *self = (RaAccount *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->instance, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->client_id, g_free);
  g_clear_pointer (&self->base_url_override, g_free);
  g_clear_pointer (&self->login_url_override, g_free);
  g_clear_pointer (&self->results_query_id, g_free);
  g_clear_pointer (&self->lookup_query_id, g_free);

  G_OBJECT_CLASS (ra_account_parent_class)->finalize (object);
}

static void
ra_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RaAccount *self = RA_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_INSTANCE:
      g_value_set_string (value, self->instance);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_CLIENT_ID:
      g_value_set_string (value, self->client_id);
      break;
    case PROP_TOKEN_ENDPOINT_KIND:
      g_value_set_enum (value, self->token_endpoint_kind);
      break;
    case PROP_BASE_URL_OVERRIDE:
      g_value_set_string (value, self->base_url_override);
      break;
    case PROP_LOGIN_URL_OVERRIDE:
      g_value_set_string (value, self->login_url_override);
      break;
    case PROP_TOKEN_ENDPOINT_USED:
      g_value_set_enum (value, self->token_endpoint_used);
      break;
    case PROP_RESULTS_QUERY_ID:
      g_value_set_string (value, self->results_query_id);
      break;
    case PROP_LOOKUP_QUERY_ID:
      g_value_set_string (value, self->lookup_query_id);
      break;
    case PROP_TITLE:
      g_value_take_string (value, ra_account_dup_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RaAccount *self = RA_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      /* Construct-only; an empty id means "generate one". */
      g_assert (self->id == NULL);
      if (g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
        self->id = g_value_dup_string (value);
      break;
    case PROP_DISPLAY_NAME:
      ra_account_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_INSTANCE:
      ra_account_set_instance (self, g_value_get_string (value));
      break;
    case PROP_REGION:
      ra_account_set_region (self, g_value_get_string (value));
      break;
    case PROP_CLIENT_ID:
      ra_account_set_client_id (self, g_value_get_string (value));
      break;
    case PROP_TOKEN_ENDPOINT_KIND:
      ra_account_set_token_endpoint_kind (self, g_value_get_enum (value));
      break;
    case PROP_BASE_URL_OVERRIDE:
      ra_account_set_base_url_override (self, g_value_get_string (value));
      break;
    case PROP_LOGIN_URL_OVERRIDE:
      ra_account_set_login_url_override (self, g_value_get_string (value));
      break;
    case PROP_TOKEN_ENDPOINT_USED:
      ra_account_set_token_endpoint_used (self, g_value_get_enum (value));
      break;
    case PROP_RESULTS_QUERY_ID:
      ra_account_set_results_query_id (self, g_value_get_string (value));
      break;
    case PROP_LOOKUP_QUERY_ID:
      ra_account_set_lookup_query_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_account_constructed (GObject *object)
{
  RaAccount *self = RA_ACCOUNT (object);

  G_OBJECT_CLASS (ra_account_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
ra_account_class_init (RaAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ra_account_constructed;
  object_class->finalize = ra_account_finalize;
  object_class->get_property = ra_account_get_property;
  object_class->set_property = ra_account_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INSTANCE] =
    g_param_spec_string ("instance", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT_ID] =
    g_param_spec_string ("client-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKEN_ENDPOINT_KIND] =
    g_param_spec_enum ("token-endpoint-kind", NULL, NULL,
                       RA_TYPE_TOKEN_ENDPOINT_KIND, RA_TOKEN_ENDPOINT_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URL_OVERRIDE] =
    g_param_spec_string ("base-url-override", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGIN_URL_OVERRIDE] =
    g_param_spec_string ("login-url-override", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKEN_ENDPOINT_USED] =
    g_param_spec_enum ("token-endpoint-used", NULL, NULL,
                       RA_TYPE_TOKEN_ENDPOINT_KIND, RA_TOKEN_ENDPOINT_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULTS_QUERY_ID] =
    g_param_spec_string ("results-query-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOOKUP_QUERY_ID] =
    g_param_spec_string ("lookup-query-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_account_init (RaAccount *self)
{
  self->display_name = g_strdup ("");
  self->instance = g_strdup ("");
  self->region = g_strdup ("");
  self->client_id = g_strdup ("");
  self->base_url_override = g_strdup ("");
  self->login_url_override = g_strdup ("");
  self->results_query_id = g_strdup ("");
  self->lookup_query_id = g_strdup ("");
}

RaAccount *
ra_account_new (void)
{
  return g_object_new (RA_TYPE_ACCOUNT, NULL);
}

RaAccount *
ra_account_new_with_id (const char *id)
{
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  return g_object_new (RA_TYPE_ACCOUNT, "id", id, NULL);
}

RaAccount *
ra_account_copy (RaAccount *self)
{
  RaAccount *copy;

  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  copy = ra_account_new_with_id (self->id);
  ra_account_assign (copy, self);

  return copy;
}

void
ra_account_assign (RaAccount *self,
                   RaAccount *other)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));
  g_return_if_fail (RA_IS_ACCOUNT (other));

  g_object_freeze_notify (G_OBJECT (self));
  ra_account_set_display_name (self, other->display_name);
  ra_account_set_instance (self, other->instance);
  ra_account_set_region (self, other->region);
  ra_account_set_client_id (self, other->client_id);
  ra_account_set_token_endpoint_kind (self, other->token_endpoint_kind);
  ra_account_set_base_url_override (self, other->base_url_override);
  ra_account_set_login_url_override (self, other->login_url_override);
  ra_account_set_results_query_id (self, other->results_query_id);
  ra_account_set_lookup_query_id (self, other->lookup_query_id);
  /* After the hosts: setting them forgets what worked elsewhere. */
  ra_account_set_token_endpoint_used (self, other->token_endpoint_used);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ra_account_get_id (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->id;
}

/* Surrounding blanks are never meaningful in these fields and would make
 * an instance name fail validation in a way the user cannot see. */
static gboolean
set_stripped (RaAccount  *self,
              char      **field,
              const char *value,
              GParamSpec *pspec)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value ? value : ""));

  if (g_strcmp0 (*field, stripped) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

const char *
ra_account_get_display_name (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->display_name;
}

void
ra_account_set_display_name (RaAccount  *self,
                             const char *display_name)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));

  if (set_stripped (self, &self->display_name, display_name, properties[PROP_DISPLAY_NAME]))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

char *
ra_account_dup_title (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  if (*self->display_name != '\0')
    return g_strdup (self->display_name);

  if (*self->instance == '\0')
    return g_strdup (_("Unnamed Account"));

  if (*self->region == '\0')
    return g_strdup (self->instance);

  return g_strdup_printf ("%s (%s)", self->instance, self->region);
}

const char *
ra_account_get_instance (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->instance;
}

void
ra_account_set_instance (RaAccount  *self,
                         const char *instance)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));

  if (set_stripped (self, &self->instance, instance, properties[PROP_INSTANCE]))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      ra_account_set_token_endpoint_used (self, RA_TOKEN_ENDPOINT_AUTO);
    }
}

const char *
ra_account_get_region (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->region;
}

void
ra_account_set_region (RaAccount  *self,
                       const char *region)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));

  if (set_stripped (self, &self->region, region, properties[PROP_REGION]))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      ra_account_set_token_endpoint_used (self, RA_TOKEN_ENDPOINT_AUTO);
    }
}

const char *
ra_account_get_client_id (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->client_id;
}

void
ra_account_set_client_id (RaAccount  *self,
                          const char *client_id)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));

  set_stripped (self, &self->client_id, client_id, properties[PROP_CLIENT_ID]);
}

RaTokenEndpointKind
ra_account_get_token_endpoint_kind (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), RA_TOKEN_ENDPOINT_AUTO);

  return self->token_endpoint_kind;
}

void
ra_account_set_token_endpoint_kind (RaAccount           *self,
                                    RaTokenEndpointKind  kind)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));
  g_return_if_fail (kind <= RA_TOKEN_ENDPOINT_OAUTH);

  if (self->token_endpoint_kind == kind)
    return;

  self->token_endpoint_kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_ENDPOINT_KIND]);
}

const char *
ra_account_get_base_url_override (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->base_url_override;
}

void
ra_account_set_base_url_override (RaAccount  *self,
                                  const char *base_url)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));

  if (set_stripped (self, &self->base_url_override, base_url, properties[PROP_BASE_URL_OVERRIDE]))
    ra_account_set_token_endpoint_used (self, RA_TOKEN_ENDPOINT_AUTO);
}

const char *
ra_account_get_login_url_override (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->login_url_override;
}

void
ra_account_set_login_url_override (RaAccount  *self,
                                   const char *login_url)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));

  if (set_stripped (self, &self->login_url_override, login_url, properties[PROP_LOGIN_URL_OVERRIDE]))
    ra_account_set_token_endpoint_used (self, RA_TOKEN_ENDPOINT_AUTO);
}

RaTokenEndpointKind
ra_account_get_token_endpoint_used (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), RA_TOKEN_ENDPOINT_AUTO);

  return self->token_endpoint_used;
}

void
ra_account_set_token_endpoint_used (RaAccount           *self,
                                    RaTokenEndpointKind  kind)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));
  g_return_if_fail (kind <= RA_TOKEN_ENDPOINT_OAUTH);

  if (self->token_endpoint_used == kind)
    return;

  self->token_endpoint_used = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN_ENDPOINT_USED]);
}

const char *
ra_account_get_results_query_id (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->results_query_id;
}

void
ra_account_set_results_query_id (RaAccount  *self,
                                 const char *query_id)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));

  set_stripped (self, &self->results_query_id, query_id, properties[PROP_RESULTS_QUERY_ID]);
}

const char *
ra_account_get_lookup_query_id (RaAccount *self)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return self->lookup_query_id;
}

void
ra_account_set_lookup_query_id (RaAccount  *self,
                                const char *query_id)
{
  g_return_if_fail (RA_IS_ACCOUNT (self));

  set_stripped (self, &self->lookup_query_id, query_id, properties[PROP_LOOKUP_QUERY_ID]);
}

gboolean
ra_account_same_hosts (RaAccount *self,
                       RaAccount *other)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (RA_IS_ACCOUNT (other), FALSE);

  return g_str_equal (self->instance, other->instance) &&
         g_str_equal (self->region, other->region) &&
         g_str_equal (self->base_url_override, other->base_url_override) &&
         g_str_equal (self->login_url_override, other->login_url_override);
}

gboolean
ra_account_validate (RaAccount  *self,
                     GError    **error)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), FALSE);

  if (!ra_endpoint_validate_instance (self->instance, error))
    return FALSE;

  if (!ra_endpoint_validate_region (self->region, error))
    return FALSE;

  if (*self->base_url_override != '\0' &&
      !ra_endpoint_validate_base_url (self->base_url_override, error))
    return FALSE;

  if (*self->login_url_override != '\0' &&
      !ra_endpoint_validate_base_url (self->login_url_override, error))
    return FALSE;

  if (*self->client_id == '\0')
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_INPUT,
                           _("Enter the client ID of the API credentials."));
      return FALSE;
    }

  return ra_account_validate_queries (self, error);
}

/* Says which query is wrong: the two IDs look alike. */
static gboolean
check_query_id (const char  *query_id,
                const char  *which,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (*query_id == '\0' || ra_nql_query_id_check (query_id, &local_error))
    return TRUE;

  /* Translators: the first %s names the query ("Execution results
   * query"), the second says what is wrong with its ID */
  g_set_error (error, RA_ERROR, RA_ERROR_INVALID_INPUT, _("%s: %s"), which, local_error->message);
  return FALSE;
}

gboolean
ra_account_validate_queries (RaAccount  *self,
                             GError    **error)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), FALSE);

  return check_query_id (self->results_query_id, _("Execution results query"), error) &&
         check_query_id (self->lookup_query_id, _("Device lookup query"), error);
}

RaEndpoint *
ra_account_create_endpoint (RaAccount  *self,
                            GError    **error)
{
  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);

  return ra_endpoint_new_full (self->instance,
                               self->region,
                               *self->base_url_override != '\0' ? self->base_url_override : NULL,
                               *self->login_url_override != '\0' ? self->login_url_override : NULL,
                               error);
}

RaClient *
ra_account_create_client (RaAccount   *self,
                          const char  *secret,
                          GError     **error)
{
  g_autoptr(RaEndpoint) endpoint = NULL;

  g_return_val_if_fail (RA_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  endpoint = ra_account_create_endpoint (self, error);
  if (endpoint == NULL)
    return NULL;

  return ra_client_new (endpoint, self->client_id, secret, self->token_endpoint_kind);
}
