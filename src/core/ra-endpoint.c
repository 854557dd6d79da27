/* ra-endpoint.c — instance + region → API and token URLs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-endpoint"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ra-endpoint-private.h"
#include "ra-error.h"

#define MAX_LABEL_LENGTH 63

struct _RaEndpoint
{
  GObject parent_instance;

  char *instance;
  char *region;
  char *base_url_override;
  char *login_url_override;
  char *api_base_url;
  char *login_base_url;
  char *legacy_token_url;
  char *oauth_token_url;
};

G_DEFINE_FINAL_TYPE (RaEndpoint, ra_endpoint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INSTANCE,
  PROP_REGION,
  PROP_BASE_URL_OVERRIDE,
  PROP_LOGIN_URL_OVERRIDE,
  PROP_API_BASE_URL,
  PROP_LOGIN_BASE_URL,
  PROP_LEGACY_TOKEN_URL,
  PROP_OAUTH_TOKEN_URL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const regions[] = { "us", "eu", "pac", "meta", NULL };

static void
ra_endpoint_finalize (GObject *object)
{
  RaEndpoint *self = (RaEndpoint *)object;

  g_clear_pointer (&self->instance, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->base_url_override, g_free);
  g_clear_pointer (&self->login_url_override, g_free);
  g_clear_pointer (&self->api_base_url, g_free);
  g_clear_pointer (&self->login_base_url, g_free);
  g_clear_pointer (&self->legacy_token_url, g_free);
  g_clear_pointer (&self->oauth_token_url, g_free);

  G_OBJECT_CLASS (ra_endpoint_parent_class)->finalize (object);
}

static void
ra_endpoint_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RaEndpoint *self = RA_ENDPOINT (object);

  switch (prop_id)
    {
    case PROP_INSTANCE:
      g_value_set_string (value, self->instance);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_BASE_URL_OVERRIDE:
      g_value_set_string (value, self->base_url_override);
      break;
    case PROP_LOGIN_URL_OVERRIDE:
      g_value_set_string (value, self->login_url_override);
      break;
    case PROP_API_BASE_URL:
      g_value_set_string (value, self->api_base_url);
      break;
    case PROP_LOGIN_BASE_URL:
      g_value_set_string (value, self->login_base_url);
      break;
    case PROP_LEGACY_TOKEN_URL:
      g_value_set_string (value, self->legacy_token_url);
      break;
    case PROP_OAUTH_TOKEN_URL:
      g_value_set_string (value, self->oauth_token_url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_endpoint_class_init (RaEndpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_endpoint_finalize;
  object_class->get_property = ra_endpoint_get_property;

  /* Read-only: an endpoint only comes from ra_endpoint_new(), which
   * validates everything that ends up in a host name. */
  properties [PROP_INSTANCE] =
    g_param_spec_string ("instance", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_BASE_URL_OVERRIDE] =
    g_param_spec_string ("base-url-override", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_LOGIN_URL_OVERRIDE] =
    g_param_spec_string ("login-url-override", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_API_BASE_URL] =
    g_param_spec_string ("api-base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_LOGIN_BASE_URL] =
    g_param_spec_string ("login-base-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_LEGACY_TOKEN_URL] =
    g_param_spec_string ("legacy-token-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_OAUTH_TOKEN_URL] =
    g_param_spec_string ("oauth-token-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_endpoint_init (RaEndpoint *self)
{
}

const char * const *
ra_endpoint_get_regions (void)
{
  return regions;
}

/* Upper case is refused rather than folded: the name is stored and shown
 * as typed, and a silent change would make two spellings of one account. */
gboolean
ra_endpoint_validate_instance (const char  *instance,
                               GError     **error)
{
  gsize len;

  if (instance == NULL || instance[0] == '\0')
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("Enter the name of your Nexthink instance."));
      return FALSE;
    }

  if (!g_utf8_validate (instance, -1, NULL))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("The instance name may only contain lower-case letters, digits and hyphens."));
      return FALSE;
    }

  len = strlen (instance);
  if (len > MAX_LABEL_LENGTH)
    {
      g_set_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                   _("The instance name is too long: it may have at most %d characters."),
                   MAX_LABEL_LENGTH);
      return FALSE;
    }

  for (gsize i = 0; i < len; i++)
    {
      char c = instance[i];

      if (g_ascii_isupper (c))
        {
          g_set_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                       _("“%s” is not a valid instance name: use lower-case letters only."),
                       instance);
          return FALSE;
        }

      if (!g_ascii_islower (c) && !g_ascii_isdigit (c) && c != '-')
        {
          if (c == '.')
            g_set_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                         _("“%s” is not a valid instance name: enter only the instance name, the first part of your Nexthink address, without dots."),
                         instance);
          else
            g_set_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                         _("“%s” is not a valid instance name: it may only contain lower-case letters, digits and hyphens."),
                         instance);
          return FALSE;
        }
    }

  if (instance[0] == '-' || instance[len - 1] == '-')
    {
      g_set_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                   _("“%s” is not a valid instance name: it may not start or end with a hyphen."),
                   instance);
      return FALSE;
    }

  return TRUE;
}

gboolean
ra_endpoint_parse_address (const char  *text,
                           char       **instance,
                           char       **region)
{
  g_autofree char *host = NULL;
  g_auto(GStrv) labels = NULL;
  const char *start, *end;
  guint n;
  g_autofree char *name = NULL;

  g_return_val_if_fail (instance != NULL && region != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* The host: after a scheme if there is one, up to a port, path, query
   * or fragment. */
  start = text;
  while (g_ascii_isspace (*start))
    start++;
  if (g_ascii_strncasecmp (start, "https://", 8) == 0)
    start += 8;
  else if (g_ascii_strncasecmp (start, "http://", 7) == 0)
    start += 7;
  end = start + strcspn (start, ":/?# \t\r\n");
  if (end == start)
    return FALSE;
  host = g_ascii_strdown (start, end - start);
  if (g_str_has_suffix (host, "."))
    host[strlen (host) - 1] = '\0';

  /* <instance>[.api|-login].<region>.nexthink.cloud */
  if (!g_str_has_suffix (host, ".nexthink.cloud"))
    return FALSE;
  host[strlen (host) - strlen (".nexthink.cloud")] = '\0';
  labels = g_strsplit (host, ".", -1);
  n = g_strv_length (labels);
  if (n == 3 && g_str_equal (labels[1], "api"))
    name = g_strdup (labels[0]);
  else if (n == 2 && g_str_has_suffix (labels[0], "-login"))
    name = g_strndup (labels[0], strlen (labels[0]) - strlen ("-login"));
  else if (n == 2)
    name = g_strdup (labels[0]);
  else
    return FALSE;

  if (!ra_endpoint_validate_instance (name, NULL) ||
      !ra_endpoint_validate_region (labels[n - 1], NULL))
    return FALSE;

  *instance = g_steal_pointer (&name);
  *region = g_strdup (labels[n - 1]);
  return TRUE;
}

gboolean
ra_endpoint_validate_region (const char  *region,
                             GError     **error)
{
  if (region != NULL && g_strv_contains (regions, region))
    return TRUE;

  if (region == NULL || region[0] == '\0')
    g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                         _("Choose the region of your Nexthink instance: us, eu, pac or meta."));
  else if (g_utf8_validate (region, -1, NULL))
    g_set_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                 _("“%s” is not a Nexthink region: use us, eu, pac or meta."),
                 region);
  else
    g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                         _("The region is not valid: use us, eu, pac or meta."));

  return FALSE;
}

/* GUri is lenient about what it takes as a host; a proxy address must be a
 * plain host name or an IP literal. */
static gboolean
host_is_valid (const char *host)
{
  if (g_hostname_is_ip_address (host))
    return TRUE;

  if (host[0] == '.' || host[0] == '-')
    return FALSE;

  for (const char *p = host; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
        return FALSE;
      if (*p == '.' && p[1] == '.')
        return FALSE;
    }

  return TRUE;
}

gboolean
ra_endpoint_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* Only literal addresses: a name other than localhost could resolve
   * anywhere, and credentials would travel in the clear. */
  if (!g_hostname_is_ip_address (host))
    return FALSE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Parses and checks an override; on success returns it without a
 * trailing slash so that paths can be appended. */
static char *
parse_base_url (const char  *base_url,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  const char *path;
  g_autofree char *str = NULL;
  gsize len;

  if (base_url == NULL || base_url[0] == '\0')
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("Enter a server address, or leave the override empty."));
      return NULL;
    }

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("The server address is not a valid URL; it should look like https://proxy.example.com."));
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  path = g_uri_get_path (uri);

  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("The server address must start with https://."));
      return NULL;
    }

  if (host == NULL || host[0] == '\0' || !host_is_valid (host))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("The server address has no valid host name."));
      return NULL;
    }

  /* Credentials come from the keyring and go in a header, never in a URL
   * that could end up in settings or logs. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("The server address may not contain a user name or password."));
      return NULL;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("The server address may not contain a query (“?”) or fragment (“#”)."));
      return NULL;
    }

  if (g_ascii_strcasecmp (scheme, "http") == 0 && !ra_endpoint_host_is_loopback (host))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("Unencrypted http:// is only allowed for this computer (localhost, 127.0.0.1 or ::1); use https:// for any other server."));
      return NULL;
    }

  if (path != NULL && path[0] != '\0' && path[0] != '/')
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT,
                           _("The server address is not a valid URL; it should look like https://proxy.example.com."));
      return NULL;
    }

  str = g_uri_to_string (uri);
  len = strlen (str);
  while (len > 0 && str[len - 1] == '/')
    str[--len] = '\0';

  return g_steal_pointer (&str);
}

gboolean
ra_endpoint_validate_base_url (const char  *base_url,
                               GError     **error)
{
  g_autofree char *url = parse_base_url (base_url, error);

  return url != NULL;
}

RaEndpoint *
ra_endpoint_new (const char  *instance,
                 const char  *region,
                 const char  *base_url_override,
                 GError     **error)
{
  return ra_endpoint_new_full (instance, region, base_url_override, NULL, error);
}

RaEndpoint *
ra_endpoint_new_full (const char  *instance,
                      const char  *region,
                      const char  *base_url_override,
                      const char  *login_url_override,
                      GError     **error)
{
  g_autoptr(RaEndpoint) self = NULL;
  g_autofree char *base = NULL;
  g_autofree char *login = NULL;

  if (!ra_endpoint_validate_instance (instance, error) ||
      !ra_endpoint_validate_region (region, error))
    return NULL;

  if (base_url_override != NULL && base_url_override[0] != '\0')
    {
      base = parse_base_url (base_url_override, error);
      if (base == NULL)
        return NULL;
    }

  if (login_url_override != NULL && login_url_override[0] != '\0')
    {
      login = parse_base_url (login_url_override, error);
      if (login == NULL)
        return NULL;
    }

  self = g_object_new (RA_TYPE_ENDPOINT, NULL);
  self->instance = g_strdup (instance);
  self->region = g_strdup (region);
  self->base_url_override = g_strdup (base);
  self->login_url_override = g_strdup (login);

  if (base != NULL)
    self->api_base_url = g_steal_pointer (&base);
  else
    self->api_base_url = g_strdup_printf ("https://%s.api.%s.nexthink.cloud", instance, region);

  /* A proxy in front of the API serves the login service too unless told
   * otherwise; without any override, the login service has its own host. */
  if (login != NULL)
    self->login_base_url = g_steal_pointer (&login);
  else if (self->base_url_override != NULL)
    self->login_base_url = g_strdup (self->api_base_url);
  else
    self->login_base_url = g_strdup_printf ("https://%s-login.%s.nexthink.cloud", instance, region);

  self->legacy_token_url = g_strconcat (self->api_base_url, "/api/v1/token", NULL);
  self->oauth_token_url = g_strconcat (self->login_base_url, "/oauth2/default/v1/token", NULL);

  return g_steal_pointer (&self);
}

const char *
ra_endpoint_get_instance (RaEndpoint *self)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);

  return self->instance;
}

const char *
ra_endpoint_get_region (RaEndpoint *self)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);

  return self->region;
}

const char *
ra_endpoint_get_base_url_override (RaEndpoint *self)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);

  return self->base_url_override;
}

const char *
ra_endpoint_get_login_url_override (RaEndpoint *self)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);

  return self->login_url_override;
}

const char *
ra_endpoint_get_login_base_url (RaEndpoint *self)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);

  return self->login_base_url;
}

const char *
ra_endpoint_get_api_base_url (RaEndpoint *self)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);

  return self->api_base_url;
}

const char *
ra_endpoint_get_legacy_token_url (RaEndpoint *self)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);

  return self->legacy_token_url;
}

const char *
ra_endpoint_get_oauth_token_url (RaEndpoint *self)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);

  return self->oauth_token_url;
}

char *
ra_endpoint_build_api_url (RaEndpoint *self,
                           const char *path)
{
  g_return_val_if_fail (RA_IS_ENDPOINT (self), NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);

  return g_strconcat (self->api_base_url, path, NULL);
}
