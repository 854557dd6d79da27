/* test-endpoint.c — instance and region checks, URLs, base-URL overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-endpoint"

#include "config.h"

#include <string.h>

#include "ra-endpoint.h"
#include "ra-error.h"

static void
test_instances (void)
{
  static const char * const good[] = {
    "acme", "a", "0", "acme-corp", "a1-b2-c3", "123",
    "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0", /* 63 */
  };
  static const char * const bad[] = {
    "", "Acme", "ACME", "acme corp", "-acme", "acme-", "-", "acme.evil.example",
    "acme.api.eu.nexthink.cloud", "acme/", "acme@evil", "acme:443", "acme_corp",
    "ac#me", "acme\n", " acme", "émile", "acme%2e", "acme?x",
    "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01", /* 64 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ra_endpoint_validate_instance (good[i], &error))
        g_error ("“%s” refused: %s", good[i], error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (ra_endpoint_validate_instance (bad[i], &error))
        g_error ("“%s” accepted", bad[i]);
      g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
      g_assert_nonnull (error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  g_assert_false (ra_endpoint_validate_instance (NULL, NULL));
  g_assert_false (ra_endpoint_validate_instance ("a\xff", NULL));
}

static void
test_regions (void)
{
  const char * const *regions = ra_endpoint_get_regions ();
  static const char * const bad[] = { "", "US", "eu ", "asia", "eu.evil", "pac/", "metaa" };

  g_assert_cmpuint (g_strv_length ((char **) regions), ==, 4);
  g_assert_cmpstr (regions[0], ==, "us");
  g_assert_cmpstr (regions[1], ==, "eu");
  g_assert_cmpstr (regions[2], ==, "pac");
  g_assert_cmpstr (regions[3], ==, "meta");

  for (guint i = 0; regions[i] != NULL; i++)
    g_assert_true (ra_endpoint_validate_region (regions[i], NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ra_endpoint_validate_region (bad[i], &error));
      g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
    }

  g_assert_false (ra_endpoint_validate_region (NULL, NULL));
}

static void
test_urls (void)
{
  g_autoptr(GError) error = NULL;
  RaEndpoint *endpoint;
  g_autofree char *url = NULL;
  g_autofree char *instance = NULL;

  endpoint = ra_endpoint_new ("acme", "eu", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_endpoint_get_instance (endpoint), ==, "acme");
  g_assert_cmpstr (ra_endpoint_get_region (endpoint), ==, "eu");
  g_assert_null (ra_endpoint_get_base_url_override (endpoint));
  g_assert_cmpstr (ra_endpoint_get_api_base_url (endpoint), ==,
                   "https://acme.api.eu.nexthink.cloud");
  g_assert_cmpstr (ra_endpoint_get_legacy_token_url (endpoint), ==,
                   "https://acme.api.eu.nexthink.cloud/api/v1/token");
  g_assert_cmpstr (ra_endpoint_get_oauth_token_url (endpoint), ==,
                   "https://acme-login.eu.nexthink.cloud/oauth2/default/v1/token");
  url = ra_endpoint_build_api_url (endpoint, "/api/v1/act/execute");
  g_assert_cmpstr (url, ==, "https://acme.api.eu.nexthink.cloud/api/v1/act/execute");
  g_object_get (endpoint, "instance", &instance, NULL);
  g_assert_cmpstr (instance, ==, "acme");
  g_assert_finalize_object (endpoint);

  endpoint = ra_endpoint_new ("acme-2", "meta", "", &error);
  g_assert_no_error (error);
  g_assert_null (ra_endpoint_get_base_url_override (endpoint));
  g_assert_cmpstr (ra_endpoint_get_oauth_token_url (endpoint), ==,
                   "https://acme-2-login.meta.nexthink.cloud/oauth2/default/v1/token");
  g_assert_finalize_object (endpoint);

  g_assert_null (ra_endpoint_new ("Acme", "eu", NULL, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
  g_clear_error (&error);

  g_assert_null (ra_endpoint_new ("acme", "mars", NULL, &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
  g_clear_error (&error);
}

typedef struct {
  const char *override;
  const char *base;
} Override;

static void
test_overrides (void)
{
  static const Override good[] = {
    { "http://127.0.0.1:8080", "http://127.0.0.1:8080" },
    { "http://127.0.0.1:8080/", "http://127.0.0.1:8080" },
    { "http://127.1.2.3", "http://127.1.2.3" },
    { "http://[::1]:1", "http://[::1]:1" },
    { "http://localhost:3000", "http://localhost:3000" },
    { "http://LOCALHOST:3000", NULL },
    { "https://proxy.example.com", "https://proxy.example.com" },
    { "https://proxy.example.com:8443/nexthink/", "https://proxy.example.com:8443/nexthink" },
    { "HTTPS://proxy.example.com", NULL },
  };
  static const char * const bad[] = {
    "http://evil.example",
    "http://evil.example:80",
    "http://127.0.0.1.evil.example",
    "http://localhost.evil.example",
    "http://10.0.0.1",
    "http://192.168.1.1:8080",
    "http://[::2]:1",
    "http://[::ffff:8.8.8.8]",
    "http://0.0.0.0:8080",
    "https://user:pw@x",
    "https://user@proxy.example.com",
    "http://user:pw@127.0.0.1",
    "ftp://proxy.example.com",
    "file:///etc/passwd",
    "proxy.example.com",
    "//proxy.example.com",
    "https://",
    "https:///path",
    "https://proxy.example.com?x=1",
    "https://proxy.example.com#frag",
    "https://proxy example.com",
    "javascript:alert(1)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RaEndpoint) endpoint = NULL;
      g_autofree char *legacy = NULL;
      g_autofree char *oauth = NULL;
      const char *base;

      g_assert_true (ra_endpoint_validate_base_url (good[i].override, NULL));

      endpoint = ra_endpoint_new ("acme", "us", good[i].override, &error);
      if (endpoint == NULL)
        g_error ("“%s” refused: %s", good[i].override, error->message);

      base = ra_endpoint_get_api_base_url (endpoint);
      if (good[i].base != NULL)
        g_assert_cmpstr (base, ==, good[i].base);
      g_assert_false (g_str_has_suffix (base, "/"));
      g_assert_cmpstr (ra_endpoint_get_base_url_override (endpoint), ==, base);

      /* Both token endpoints live under the override. */
      legacy = g_strconcat (base, "/api/v1/token", NULL);
      oauth = g_strconcat (base, "/oauth2/default/v1/token", NULL);
      g_assert_cmpstr (ra_endpoint_get_legacy_token_url (endpoint), ==, legacy);
      g_assert_cmpstr (ra_endpoint_get_oauth_token_url (endpoint), ==, oauth);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RaEndpoint) endpoint = NULL;

      if (ra_endpoint_validate_base_url (bad[i], &error))
        g_error ("“%s” accepted", bad[i]);
      g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
      g_clear_error (&error);

      endpoint = ra_endpoint_new ("acme", "us", bad[i], &error);
      g_assert_null (endpoint);
      g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
      /* Whatever was typed, a password does not come back in the message. */
      g_assert_null (strstr (error->message, "pw"));
    }

  g_assert_false (ra_endpoint_validate_base_url (NULL, NULL));
  g_assert_false (ra_endpoint_validate_base_url ("", NULL));
}

static void
test_login_override (void)
{
  g_autoptr(GError) error = NULL;
  RaEndpoint *endpoint;

  /* Without overrides, the login service has a host of its own. */
  endpoint = ra_endpoint_new_full ("acme", "eu", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (ra_endpoint_get_login_url_override (endpoint));
  g_assert_cmpstr (ra_endpoint_get_login_base_url (endpoint), ==,
                   "https://acme-login.eu.nexthink.cloud");
  g_assert_finalize_object (endpoint);

  /* A proxy for the API serves the login service too, unless told. */
  endpoint = ra_endpoint_new_full ("acme", "eu", "http://127.0.0.1:4000/", "", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_endpoint_get_login_base_url (endpoint), ==, "http://127.0.0.1:4000");
  g_assert_cmpstr (ra_endpoint_get_oauth_token_url (endpoint), ==,
                   "http://127.0.0.1:4000/oauth2/default/v1/token");
  g_assert_finalize_object (endpoint);

  endpoint = ra_endpoint_new_full ("acme", "eu", "http://127.0.0.1:4000",
                                   "http://127.0.0.1:4001/", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_endpoint_get_login_url_override (endpoint), ==, "http://127.0.0.1:4001");
  g_assert_cmpstr (ra_endpoint_get_login_base_url (endpoint), ==, "http://127.0.0.1:4001");
  g_assert_cmpstr (ra_endpoint_get_oauth_token_url (endpoint), ==,
                   "http://127.0.0.1:4001/oauth2/default/v1/token");
  g_assert_cmpstr (ra_endpoint_get_legacy_token_url (endpoint), ==,
                   "http://127.0.0.1:4000/api/v1/token");
  g_assert_finalize_object (endpoint);

  /* Only the login service elsewhere: the API stays on Nexthink's host. */
  endpoint = ra_endpoint_new_full ("acme", "us", NULL, "https://login.example.com", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ra_endpoint_get_api_base_url (endpoint), ==, "https://acme.api.us.nexthink.cloud");
  g_assert_cmpstr (ra_endpoint_get_oauth_token_url (endpoint), ==,
                   "https://login.example.com/oauth2/default/v1/token");
  g_assert_finalize_object (endpoint);

  /* The same rules as the API override: no clear text off this machine. */
  g_assert_null (ra_endpoint_new_full ("acme", "eu", NULL, "http://login.example.com", &error));
  g_assert_error (error, RA_ERROR, RA_ERROR_INVALID_ENDPOINT);
}

/* Addresses as people copy them, from the browser or from Nexthink's
 * pages, fill in the instance and region; nothing else does. */
static void
test_parse_address (void)
{
  static const struct
  {
    const char *text;
    const char *instance;
    const char *region;
  } good[] = {
    { "https://acme.eu.nexthink.cloud/", "acme", "eu" },
    { "acme.eu.nexthink.cloud", "acme", "eu" },
    { "  https://acme-corp.api.us.nexthink.cloud/api/v1/act/remote-action?x=1 ", "acme-corp", "us" },
    { "https://acme-login.pac.nexthink.cloud/oauth2/default/v1/token", "acme", "pac" },
    { "HTTPS://ACME.META.NEXTHINK.CLOUD:443/#/home", "acme", "meta" },
    { "acme2.eu.nexthink.cloud.", "acme2", "eu" },
  };
  static const char * const bad[] = {
    "", "acme", "acme.eu", "https://acme.xx.nexthink.cloud/", "https://acme.eu.nexthink.com/",
    "https://acme.eu.nexthink.cloud.evil.example/", "https://evil.example/acme.eu.nexthink.cloud",
    "https://a.b.eu.nexthink.cloud/", "https://-acme.eu.nexthink.cloud/",
    "https://acme_1.eu.nexthink.cloud/", "https://.eu.nexthink.cloud/", "https://-login.eu.nexthink.cloud/",
    "https://acme.api.api.eu.nexthink.cloud/", "https://user@acme.eu.nexthink.cloud/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *instance = NULL;
      g_autofree char *region = NULL;

      g_test_message ("%s", good[i].text);
      g_assert_true (ra_endpoint_parse_address (good[i].text, &instance, &region));
      g_assert_cmpstr (instance, ==, good[i].instance);
      g_assert_cmpstr (region, ==, good[i].region);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      char *instance = NULL;
      char *region = NULL;

      g_test_message ("%s", bad[i]);
      g_assert_false (ra_endpoint_parse_address (bad[i], &instance, &region));
      g_assert_null (instance);
      g_assert_null (region);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/endpoint/instances", test_instances);
  g_test_add_func ("/endpoint/regions", test_regions);
  g_test_add_func ("/endpoint/urls", test_urls);
  g_test_add_func ("/endpoint/overrides", test_overrides);
  g_test_add_func ("/endpoint/login-override", test_login_override);
  g_test_add_func ("/endpoint/parse-address", test_parse_address);

  return g_test_run ();
}
