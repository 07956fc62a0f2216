// Dagritme on Azure: a user-assigned managed identity as the bot's identity (no client secret),
// an Azure Bot with the Teams channel, a Container App running the image, a PostgreSQL flexible
// server, and a Key Vault holding the database URL and the operator token. Deploy into one
// resource group:
//   az deployment group create -g <rg> -f deploy/azure/main.bicep \
//     -p image=<registry>/dagritme:<tag> \
//        dbAdminPassword=<strong password> operatorToken=<openssl rand -hex 32> \
//        allowedTenants=<your tenant id>

@description('Short lowercase name used for all resources.')
param name string = 'dagritme'

@description('Azure region; keep pupil data in the EU.')
param location string = resourceGroup().location

@description('The container image, e.g. myregistry.azurecr.io/dagritme:1.0.0')
param image string

@description('PostgreSQL administrator login.')
param dbAdminLogin string = 'dagritme'

@description('PostgreSQL administrator password.')
@secure()
param dbAdminPassword string

@description('Bearer token for /metrics and the details of /healthz (the probe needs only the status).')
@secure()
@minLength(32)
param operatorToken string

@description('Comma-separated tenant ids allowed to use the bot (normally the school\'s own).')
param allowedTenants string = subscription().tenantId

@description('Most replicas of the bot; they share the sending through leases in PostgreSQL.')
@minValue(1)
@maxValue(10)
param maxReplicas int = 2

var tenantId = subscription().tenantId
var suffix = uniqueString(resourceGroup().id)
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource db 'Microsoft.DBforPostgreSQL/flexibleServers@2022-12-01' = {
  name: '${name}-pg-${suffix}'
  location: location
  sku: {
    name: 'Standard_B1ms'
    tier: 'Burstable'
  }
  properties: {
    version: '15'
    administratorLogin: dbAdminLogin
    administratorLoginPassword: dbAdminPassword
    storage: {
      storageSizeGB: 32
    }
    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2022-12-01' = {
  parent: db
  name: 'dagritme'
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Lets Azure services (the Container App) reach the server; narrow this with a VNet if needed.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2022-12-01' = {
  parent: db
  name: 'AllowAzureServices'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${name}-kv-${take(suffix, 8)}'
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    // encoded, so a password with @, : or / still makes a valid URL
    value: 'postgresql+asyncpg://${uriComponent(dbAdminLogin)}:${uriComponent(dbAdminPassword)}@${db.properties.fullyQualifiedDomainName}:5432/${database.name}?ssl=require'
  }
}

resource operatorTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'operator-token'
  properties: {
    value: operatorToken
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2023-05-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2023-05-01' = {
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  dependsOn: [
    secretsReader
  ]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: {
        external: true
        targetPort: 3978
        transport: 'auto'
      }
      secrets: [
        {
          name: 'database-url'
          keyVaultUrl: databaseUrl.properties.secretUri
          identity: identity.id
        }
        {
          name: 'operator-token'
          keyVaultUrl: operatorTokenSecret.properties.secretUri
          identity: identity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'dagritme'
          image: image
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: [
            { name: 'DATABASE_URL', secretRef: 'database-url' }
            { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
            { name: 'MicrosoftAppId', value: identity.properties.clientId }
            { name: 'MicrosoftAppTenantId', value: tenantId }
            { name: 'DAGRITME_ALLOWED_TENANTS', value: allowedTenants }
            { name: 'DAGRITME_LOG_LEVEL', value: 'INFO' }
            // Teams fetches the faces on the youngest pupils' cards from here (the ingress)
            { name: 'DAGRITME_PUBLIC_URL', value: 'https://${name}.${environment.properties.defaultDomain}' }
            // /metrics and the details of /healthz: the ingress is public, so only this token
            // lets anyone in (requests through the ingress never come from loopback)
            { name: 'DAGRITME_OPERATOR_TOKEN', secretRef: 'operator-token' }
          ]
          // The platform's probe gets the status only (200, or 503 without a database).
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 3978
              }
              periodSeconds: 30
            }
          ]
        }
      ]
      // Replicas share the tenants through leases in PostgreSQL; two give failover.
      scale: {
        minReplicas: 1
        maxReplicas: maxReplicas
      }
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${take(suffix, 6)}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'S1'
  }
  properties: {
    displayName: 'Dagritme'
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identity.id
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output messagingEndpoint string = bot.properties.endpoint
output microsoftAppId string = identity.properties.clientId
output host string = app.properties.configuration.ingress.fqdn
