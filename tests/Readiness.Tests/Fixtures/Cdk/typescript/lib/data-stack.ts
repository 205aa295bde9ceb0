// CDK source with no synthesized template beside it: the constructs are judged at their source lines.
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Peer, Port, SecurityGroup } from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';

export class DataStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc');

    // Every setting written the unsafe way, each reported at the line that says it.
    const orders = new rds.DatabaseInstance(this, 'Orders', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      publiclyAccessible: true, // Noncompliant RDY2001
      deletionProtection: false, // Noncompliant RDY2002
      storageEncrypted: false, /* not encrypted */ // Noncompliant RDY2003
      backupRetention: cdk.Duration.days(1), // Noncompliant RDY2004
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    orders.connections.allowDefaultPortFromAnyIpv4('Postgres from anywhere'); // Noncompliant RDY2102

    // Left out: what the CDK synthesizes. An instance is unencrypted without a key, keeps 1 day of backups and has
    // no deletion protection unless it is retained; public subnets make it publicly accessible.
    new rds.DatabaseInstance(this, 'Reports', { // Noncompliant RDY2002, RDY2003, RDY2004
      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, // Noncompliant RDY2001
    });

    // Destroyed with the stack and not protected: reported where the removal policy is chosen.
    new rds.DatabaseInstance(this, 'Sessions', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      storageEncrypted: true,
      backupRetention: cdk.Duration.days(7),
      removalPolicy: cdk.RemovalPolicy.DESTROY, // Noncompliant RDY2002
    });

    // Derived the safe way: a key encrypts, RETAIN protects, private subnets (the default) keep it private.
    const key = new kms.Key(this, 'Key', { enableKeyRotation: true });
    new rds.DatabaseInstance(this, 'Billing', {
      engine: rds.DatabaseInstanceEngine.mariadb({ version: rds.MariaDbEngineVersion.VER_10_11 }),
      vpc,
      storageEncryptionKey: key,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
      backupRetention: cdk.Duration.days(14),
    });

    // A cluster is encrypted by default; its retention is under backup.
    const ledger = new rds.DatabaseCluster(this, 'Ledger', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      vpc,
      writer: rds.ClusterInstance.provisioned('writer'),
      deletionProtection: true,
      backup: {
        retention: cdk.Duration.days(3), // Noncompliant RDY2004
      },
    });
    ledger.connections.allowFrom(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(5432), 'from the VPC only');

    // A value the scan cannot know stays undecided.
    new rds.DatabaseCluster(this, 'Audit', {
      engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_07_1 }),
      vpc,
      writer: rds.ClusterInstance.provisioned('writer'),
      deletionProtection: props?.terminationProtection ?? true, // Undecided RDY2002
      backup: { retention: cdk.Duration.days(7) },
    });

    // Properties passed through a variable, a spread or a shorthand are not read here: what they hold stays undecided.
    const shared = { vpc, deletionProtection: false };
    new rds.DatabaseInstance(this, 'Imported', shared); // Undecided RDY2001, RDY2002, RDY2003, RDY2004
    const deletionProtection = this.node.tryGetContext('protect') === 'yes';
    new rds.DatabaseCluster(this, 'Events', {
      ...shared, // Undecided RDY2001, RDY2003
      engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_07_1 }),
      writer: rds.ClusterInstance.provisioned('writer'),
      deletionProtection, // Undecided RDY2002
      backup: { retention: cdk.Duration.days(7) },
    });

    // Security groups: SSH and a database port open to the internet, each at its rule.
    const bastion = new SecurityGroup(this, 'Bastion', { vpc, description: 'SSH' });
    bastion.addIngressRule(Peer.anyIpv4(), Port.tcp(22), 'SSH from anywhere'); // Noncompliant RDY2101
    bastion.addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.SSH); // Noncompliant RDY2101
    bastion.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443)); // public HTTPS: fine
    bastion.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(5432)); // a range known only at deploy time // Undecided RDY2102
    const web = new ec2.SecurityGroup(this, 'Web', { vpc });
    web.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.allTraffic()); // Noncompliant RDY2104
    web.connections.allowFrom(ec2.Peer.anyIpv4(), ec2.Port.tcpRange(3300, 3310)); // Noncompliant RDY2102
    web.addIngressRule(bastion, ec2.Port.tcp(22)); // from another group: not the internet
  }
}
